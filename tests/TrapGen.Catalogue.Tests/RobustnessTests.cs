using System;
using System.Linq;
using System.Text;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Diagnostics;
using Xunit;

namespace TrapGen.Catalogue.Tests;

/// <summary>Bad input never crashes anything: every malformed catalogue becomes diagnostics, never an exception or TG9999.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Every_prefix_of_the_real_catalogue_loads_without_an_internal_error()
    {
        var text = TestFiles.RealCatalogue;
        for (var length = 0; length <= text.Length; length += 7)
        {
            AssertDiagnosedNotCrashed(text.Substring(0, length));
        }
    }

    [Fact]
    public void Random_damage_to_the_real_catalogue_never_crashes()
    {
        var random = new Random(20261125);
        var text = TestFiles.RealCatalogue;
        const string Noise = " \t\n:-[]{},&*!|>'\"#%@`0x9zZ_\u00e9\0";
        for (var i = 0; i < 1500; i++)
        {
            var damaged = new StringBuilder(text);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(damaged.Length);
                switch (random.Next(3))
                {
                    case 0: damaged.Remove(at, Math.Min(random.Next(1, 40), damaged.Length - at)); break;
                    case 1: damaged.Insert(at, Noise[random.Next(Noise.Length)]); break;
                    default: damaged[at] = Noise[random.Next(Noise.Length)]; break;
                }
            }

            AssertDiagnosedNotCrashed(damaged.ToString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("---\n---\n")]
    [InlineData("[1, 2, 3]")]
    [InlineData("just a string")]
    [InlineData("registers: 42")]
    [InlineData("registers: [1, [2], {a: b}]\nsyndrome: []")]
    [InlineData("syndrome: { esr: { width: 32, fields: { EC: 1 } } }\nregisters: []")]
    [InlineData("syndrome: {}\nregisters:\n  - name: X\n    encoding: { op0: 99999999999999999999999, op1: -1, crn: 0x, crm: 0b2, op2: 1e3 }\n    width: 64\n    handling: passthrough")]
    [InlineData("a: &x [*x]")]
    [InlineData("? [complex]\n: key\n")]
    [InlineData("\u0000\u0001\u0002\uFFFE")]
    [InlineData("trap_groups:\n  - name: TVM\n  - name: TVM\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { TVM: write }\n")]
    [InlineData("registers:\n  - name: SCTLR_EL1\n    encoding: { op0: 3,")]
    [InlineData("registers: [\n  - name: x\n")]
    public void Garbage_becomes_diagnostics(string text) => AssertDiagnosedNotCrashed(text);

    private static void AssertDiagnosedNotCrashed(string text)
    {
        var result = CatalogueLoader.Load(text);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == CatalogueRules.InternalError);
        if (result.ValidCatalogue is null)
        {
            Assert.Contains(result.Diagnostics, d => d.IsError);
        }

        // Every position is inside the text: a reader reports end of input on the line after the last.
        var end = SourceSpan.EndOf(text);
        Assert.All(result.Diagnostics, d => Assert.True(
            d.Span.StartLine >= 0 && d.Span.StartColumn >= 0 && d.Span.EndOffset >= d.Span.StartOffset
                && d.Span.StartOffset <= text.Length && d.Span.StartLine <= end.StartLine,
            d.Rule.Id + " at " + d.Span + " in a text that ends at " + end));
    }
}

using System.Linq;
using System.Threading.Tasks;
using TrapGen.Generators.Emit;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>The bit-field analyzers (TG1001–TG1005): what must warn, exactly where, and close variants that must not.</summary>
public sealed class AnalyzerTests
{
    private const string RegisterFile = """
        public sealed class SystemRegisterFile
        {
            public ulong TTBR0_EL1 { get; set; }
            public uint TTBR0_EL1_Lo { get; set; }
            public ulong VBAR_EL1 { get; set; }
        }
        """;

    [Theory]
    // TG1001: the seed's CRn mask, a mask with a hole, a width that disagrees.
    [InlineData("TG1001", "0x3C00", "class H { const uint [|HSR_SYSREG_CRN_MASK|] = 0x3800; const int HSR_SYSREG_CRN_SHIFT = 10; }")]
    [InlineData("TG1001", "0x3E00", "class H { const uint [|CRnMask|] = 0x3A00; const int CRnShift = 9; }")]
    [InlineData("TG1001", "0x1C00", "class H { const uint [|X_MASK|] = 0x3C00; const int X_SHIFT = 10; const int X_WIDTH = 3; }")]
    // TG1001 by declaration: [BitField(lsb, width)] on a mask, a shift and a width.
    [InlineData("TG1001", "0x3800 disagrees with its [BitField(10, 4)]; the 4-bit field at bit 10 is 0x3C00", "class H { [TrapGen.BitField(10, 4)] const uint [|CrnBits|] = 0x3800; }")]
    [InlineData("TG1001", "CRN_SHIFT = 11 disagrees with its [BitField(10, 4)]", "class H { [TrapGen.BitField(10, 4)] const int [|CRN_SHIFT|] = 11; }")]
    [InlineData("TG1001", "CrnWidth = 3 disagrees", "class H { [TrapGen.BitField(10, 4)] const int [|CrnWidth|] = 3; }")]
    // TG1002: a syndrome masked and shifted to bits that are no field.
    [InlineData("TG1002", "CRn [13:10]", "class H { static uint F(uint hsr) => (hsr & [|0x3800|]) >> 10; }")]
    [InlineData("TG1002", "0xF after the shift", "class H { static uint F(uint esr) => (esr >> 10) & [|0x7|]; }")]
    [InlineData("TG1002", "Opc1 [19:16]", "class H { static uint F(ulong esrEl2) => (uint)((esrEl2 >> 16) & [|0x7|]); }")]
    // TG1003: the mask written for the unshifted value.
    [InlineData("TG1003", "0xF", "class H { static uint F(uint x) => (x >> 10) & [|0x3c00|]; }")]
    // TG1004: a 32-bit shift by 32, a signed low word, a truncated write to a register with a LO view.
    [InlineData("TG1004", "shifts by 0", "class H { static ulong F(uint hi, uint lo) => [|hi << 32|] | lo; }")]
    [InlineData("TG1004", "sign-extends", "class H { static ulong F(uint hi, int lo) => ((ulong)hi << 32) | (ulong)[|lo|]; }")]
    [InlineData("TG1004", "assign TTBR0_EL1_Lo", "class H { static void F(SystemRegisterFile r, uint v) { [|r.TTBR0_EL1 = v|]; } }")]
    // TG1005: two fields of one layout that share bits.
    [InlineData("TG1005", "in bits 0x18000", "class H { const uint HSR_SYSREG_OP1_MASK = 0x1C000; const uint [|HSR_SYSREG_OP2_MASK|] = 0x38000; }")]
    public void Warns_at_the_mistake_with_the_right_value(string id, string messagePart, string markup)
    {
        var (source, span) = AnalyzerHarness.Markup(markup);

        var diagnostic = Assert.Single(AnalyzerHarness.Diagnostics(source, RegisterFile));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.StartsWith("https://", diagnostic.Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
    }

    [Theory]
    // Xen's masks after the fix, with its composite REGS_MASK.
    [InlineData("""
        class H
        {
            const uint HSR_SYSREG_OP0_MASK = 0x00300000; const int HSR_SYSREG_OP0_SHIFT = 20;
            const uint HSR_SYSREG_OP1_MASK = 0x0001c000; const int HSR_SYSREG_OP1_SHIFT = 14;
            const uint HSR_SYSREG_CRN_MASK = 0x00003c00; const int HSR_SYSREG_CRN_SHIFT = 10;
            const uint HSR_SYSREG_CRM_MASK = 0x0000001e; const int HSR_SYSREG_CRM_SHIFT = 1;
            const uint HSR_SYSREG_OP2_MASK = 0x000e0000; const int HSR_SYSREG_OP2_SHIFT = 17;
            const uint HSR_SYSREG_REGS_MASK = HSR_SYSREG_OP0_MASK | HSR_SYSREG_OP1_MASK | HSR_SYSREG_CRN_MASK | HSR_SYSREG_CRM_MASK | HSR_SYSREG_OP2_MASK;
            const uint HSR_CP32_CRN_MASK = 0x00003c00; const uint HSR_CP64_RT2_MASK = 0x00007c00;
        }
        """)]
    [InlineData("class H { const uint CRnMask = 0x3C00; const int CRnShift = 10; const int CRnWidth = 4; }")]
    [InlineData("class H { [TrapGen.BitField(10, 4)] const uint CrnBits = 0x3C00; [TrapGen.BitField(10, 4)] const int CRN_SHIFT = 10; [TrapGen.BitField(10, 4)] const int CRN_WIDTH = 4; }")]
    [InlineData("class H { static uint F(uint esr) => (esr >> 26) & 0x3f; static uint G(uint hsr) => (hsr & 0x3c00) >> 10; static uint R(uint iss) => (iss >> 5) & 0x1f; }")]
    [InlineData("class H { static uint F(uint value) => (value & 0x3800) >> 11; static uint G(uint x) => (x >> 4) & 0xF; }")]
    [InlineData("class H { static ulong F(uint hi, uint lo) => ((ulong)hi << 32) | lo; static uint G(uint x) => x << 31; }")]
    [InlineData("class H { static ulong F(uint hi, int lo) => ((ulong)hi << 32) | (uint)lo; }")]
    [InlineData("class H { static void F(SystemRegisterFile r, uint v, ulong w) { r.TTBR0_EL1_Lo = v; r.TTBR0_EL1 = w; r.VBAR_EL1 = v; r.TTBR0_EL1 = 0; } }")]
    [InlineData("class H { const ulong HCR_TVM_MASK = 1UL << 26; const ulong HCR_DC_MASK = 1UL << 12; const uint HSR_EC_MASK = 0xFC000000; const int HSR_EC_SHIFT = 26; }")]
    public void Does_not_warn_on_correct_code(string source)
    {
        Assert.Empty(AnalyzerHarness.Diagnostics(source, RegisterFile));
    }

    [Fact]
    public void Does_not_warn_on_the_code_generated_from_the_real_catalogue()
    {
        var text = TestFiles.RealCatalogue;
        var (_, result, _) = GeneratorHarness.Run(text);
        // The analyzers skip generated code (users cannot fix it); without its header it is analyzed like any other.
        var generated = result.GeneratedSources.Select(s => s.SourceText.ToString().Replace("// <auto-generated/>", "// generated by TrapGen", System.StringComparison.Ordinal)).ToArray();
        Assert.All(generated, source => Assert.DoesNotContain("auto-generated", source, System.StringComparison.Ordinal));
        var stub = StubImplementation.For(TrapGen.Catalogue.CatalogueLoader.Load(text).ValidCatalogue!, GeneratorHarness.TestNamespace);

        var fixedTypes = FixedTypesSource.Text.Replace("// <auto-generated/>", "// generated by TrapGen", System.StringComparison.Ordinal);

        var diagnostics = AnalyzerHarness.Diagnostics(generated[0], [.. generated.Skip(1), stub, fixedTypes, FixedTypesSource.HandWritten]);

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("TG1", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("class H { const uint HSR_SYSREG_CRN_MASK = 0x3800; const int HSR_SYSREG_CRN_SHIFT = 10; }", "const uint HSR_SYSREG_CRN_MASK = TrapGen.MsrIss.CRnMask;")]
    [InlineData("class H { static uint F(uint hsr) => (hsr & 0x3800) >> 10; }", "(hsr & TrapGen.MsrIss.CRnMask) >> 10")]
    public async Task The_code_fix_offers_the_generated_constant_when_the_project_has_it(string source, string expected)
    {
        const string Generated = "namespace TrapGen { public static class MsrIss { public const uint CRnMask = 0x00003C00u; } }";

        var fixedSource = await AnalyzerHarness.FixAsync(source, "Use MsrIss.CRnMask", Generated);

        Assert.Contains(expected, fixedSource, System.StringComparison.Ordinal);
        Assert.Empty(AnalyzerHarness.Diagnostics(fixedSource, Generated));
    }

    [Theory]
    [InlineData("class H { const uint HSR_SYSREG_CRN_MASK = 0x3800; const int HSR_SYSREG_CRN_SHIFT = 10; }", "const uint HSR_SYSREG_CRN_MASK = 0x3C00;")]
    [InlineData("class H { static uint F(uint hsr) => (hsr & 0x3800) >> 10; }", "(hsr & 0x3C00) >> 10")]
    [InlineData("class H { [TrapGen.BitField(10, 4)] const int CRN_SHIFT = 11; }", "const int CRN_SHIFT = 10;")]
    [InlineData("class H { static uint F(uint esr) => (esr >> 10) & 0x7; }", "(esr >> 10) & 0xF")]
    [InlineData("class H { static uint F(uint x) => (x >> 10) & 0x3c00; }", "(x >> 10) & 0xF")]
    [InlineData("class H { static ulong F(uint hi, uint lo) => hi << 32 | lo; }", "(ulong)hi << 32 | lo")]
    [InlineData("class H { static ulong F(uint hi, int lo) => ((ulong)hi << 32) | (ulong)lo; }", "((ulong)hi << 32) | (ulong)(uint)lo")]
    [InlineData(RegisterFile + "\nclass H { static void F(SystemRegisterFile r, uint v) { r.TTBR0_EL1 = v; } }", "r.TTBR0_EL1_Lo = v;")]
    public async Task The_code_fix_writes_the_right_code(string source, string expected)
    {
        string[] support = source.Contains("class SystemRegisterFile", System.StringComparison.Ordinal) ? [] : [RegisterFile];

        var fixedSource = await AnalyzerHarness.FixAsync(source, support);

        Assert.Contains(expected, fixedSource, System.StringComparison.Ordinal);
        Assert.Empty(AnalyzerHarness.Diagnostics(fixedSource, support));
    }
}

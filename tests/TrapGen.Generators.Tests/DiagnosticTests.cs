using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// One case per diagnostic ID. Each case edits the real catalogue (replacing <c>Find</c> with
/// <c>Replace</c>) and says where the diagnostic must point: at <c>Marker</c> inside the replacement.
/// The expected line and column are computed from the text, so every case asserts an exact position.
/// </summary>
public sealed class DiagnosticTests
{
    public sealed record Case(string Id, string Find, string Replace, string Marker)
    {
        public override string ToString() => Id + ": " + Replace.Split('\n')[0].Trim();
    }

    public static TheoryData<Case> Cases() =>
    [
        new("TG0001", "description: Translation Control Register (EL1)", "description: Translation: Control", ": Control"),
        new("TG0002", "  - name: TCR_EL1\n", "  - name: TCR_EL1\n    colour: blue\n", "colour"),
        new("TG0003", "  - name: TCR_EL1\n    description: Translation Control Register (EL1)\n    encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 2 }\n    width: 64\n",
            "  - name: TCR_EL1\n    description: Translation Control Register (EL1)\n    encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 2 }\n", "name: TCR_EL1"),
        new("TG0004", "encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 2 }\n    width: 64", "encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 2 }\n    width: 48", "48"),
        new("TG0005", "encoding: { op0: 3, op1: 0, crn: 13, crm: 0, op2: 1 }", "encoding: { op0: 3, op1: 0, crn: 16, crm: 0, op2: 1 }", "16"),
        new("TG0005", "encoding: { op0: 3, op1: 0, crn: 13, crm: 0, op2: 1 }", "encoding: { op0: 1, op1: 0, crn: 13, crm: 0, op2: 1 }", "1, op1"),
        new("TG0005", "mcrr: { opc1: 1, crm: 2 }", "mcrr: { opc1: 16, crm: 2 }", "16"),
        new("TG0006", "encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 2 }", "encoding: { op0: 3, op1: 0, crn: 2, crm: 0, op2: 1 }", "{ op0"),
        new("TG0006", "mcr: { opc1: 0, crn: 5, crm: 1, opc2: 1 }", "mcr: { opc1: 0, crn: 5, crm: 1, opc2: 0 }", "{ opc1"),
        new("TG0007", "  - name: AFSR1_EL1", "  - name: AFSR0_EL1", "AFSR0_EL1"),
        new("TG0007", "      - name: AIFSR", "      - name: ADFSR", "ADFSR"),
        new("TG0008", "  - name: CONTEXTIDR_EL1", "  - name: CONTEXT-IDR_EL1", "CONTEXT-IDR_EL1"),
        new("TG0008", "  - name: UpdateSctlr", "  - name: class", "class"),
        new("TG0009", "      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }\n        view: hi",
            "      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }", "name: IFAR"),
        new("TG0009", "      - name: TTBR1\n        mcrr: { opc1: 1, crm: 2 }", "      - name: TTBR1\n        mcrr: { opc1: 1, crm: 2 }\n        view: hi", "hi"),
        new("TG0010", "      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }\n        view: hi",
            "      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }\n        view: lo", "lo"),
        new("TG0011", "      Op2:       { lsb: 17, width: 3 }\n      Op1:       { lsb: 14, width: 3 }",
            "      Op2:       { lsb: 17, width: 3 }\n      Op1:       { lsb: 15, width: 3 }", "{ lsb: 15"),
        new("TG0012", "      CV:        { lsb: 24, width: 1 }\n      COND:      { lsb: 20, width: 4 }\n      Opc2:",
            "      CV:        { lsb: 25, width: 1 }\n      COND:      { lsb: 20, width: 4 }\n      Opc2:", "{ lsb: 25"),
        new("TG0013", "      CRn:       { lsb: 10, width: 4 }\n      Rt:        { lsb: 5,  width: 5 }\n      CRm:       { lsb: 1,  width: 4 }\n      Direction: { lsb: 0,  width: 1 }\n  cp15_32:",
            "      CRn:       { lsb: 11, width: 3 }\n      Rt:        { lsb: 5,  width: 5 }\n      CRm:       { lsb: 1,  width: 4 }\n      Direction: { lsb: 0,  width: 1 }\n  cp15_32:", "{ lsb: 11"),
        new("TG0014", "    after_write: UpdateSctlr\n    traps: { TVM: write, TRVM: read }", "    after_write: UpdateSctlr\n    traps: { TVM: write, TRVM: read, TID3: read }", "TID3"),
        new("TG0015", "    after_write: UpdateSctlr", "    after_write: UpdateSctrl", "UpdateSctrl"),
        new("TG0016", "    access: ro\n    handling: emulated\n    emulator: Cntpct", "    access: ro\n    handling: emulated", "emulated"),
        new("TG0016", "    handling: emulated\n    emulator: CntpCtl", "    handling: emulated\n    emulator: CntpControl", "CntpControl"),
        new("TG0017", "      - name: TTBCR2\n        mcr: { opc1: 0, crn: 2, crm: 0, opc2: 3 }\n        view: hi\n", string.Empty, "TVM"),
        new("TG0018", "  - name: TVM\n    hcr_bit: 26", "  - name: TVM\n    hcr_bit: 27", "27"),
        new("TG0018", "    after_write: UpdateSctlr\n    traps: { TVM: write, TRVM: read }", "    after_write: UpdateSctlr\n    traps: { TVM: read, TRVM: read }", "TVM"),
        new("TG0019", "emulators:\n", "emulators:\n  - name: Spare\n", "Spare"),
        new("TG0020", "  - name: DACR32_EL2\n    description: Domain Access Control Register (the AArch32 guest's DACR)\n    encoding: { op0: 3, op1: 4, crn: 3, crm: 0, op2: 0 }\n    width: 64\n    handling: passthrough\n    guest_aarch32_state: true\n",
            "  - name: DACR32_EL2\n    description: Domain Access Control Register (the AArch32 guest's DACR)\n    encoding: { op0: 3, op1: 4, crn: 3, crm: 0, op2: 0 }\n    width: 64\n    handling: passthrough\n", "DACR32_EL2"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_is_reported_with_its_id_at_the_offending_yaml_position(Case testCase)
    {
        var original = TestFiles.RealCatalogue;
        var findAt = original.IndexOf(testCase.Find, StringComparison.Ordinal);
        Assert.True(findAt >= 0, "The case's text was not found in registers.yaml: " + testCase.Find);
        var mutated = original.Remove(findAt, testCase.Find.Length).Insert(findAt, testCase.Replace);
        var markerOffset = testCase.Replace.Length == 0
            ? FindMarkerForDeletion(mutated, testCase.Marker)
            : findAt + testCase.Replace.IndexOf(testCase.Marker, StringComparison.Ordinal);
        var (line, column) = LineAndColumn(mutated, markerOffset);

        var diagnostics = GeneratorHarness.CatalogueDiagnostics(mutated);

        var matching = diagnostics.Where(d => d.Id == testCase.Id).ToList();
        Assert.True(matching.Count > 0, "Expected " + testCase.Id + "; got: " + string.Join("\n", diagnostics));
        var positions = matching.Select(d => d.Location.GetLineSpan()).ToList();
        Assert.Contains(positions, p => p.StartLinePosition.Line == line && p.StartLinePosition.Character == column && p.Path == GeneratorHarness.CataloguePath);
        Assert.DoesNotContain(diagnostics, d => d.Id == CatalogueRules.InternalError.Id);
    }

    [Fact]
    public void The_real_catalogue_has_no_diagnostics()
    {
        Assert.Empty(GeneratorHarness.CatalogueDiagnostics(TestFiles.RealCatalogue));
    }

    [Fact]
    public void Every_rule_except_the_internal_error_has_a_case()
    {
        var covered = ((System.Collections.Generic.IEnumerable<object[]>)Cases()).Select(row => ((Case)row[0]).Id).ToHashSet();
        var uncovered = CatalogueRules.All.Select(r => r.Id).Where(id => id != CatalogueRules.InternalError.Id && !covered.Contains(id));
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Diagnostics_print_as_the_compiler_prints_them()
    {
        var mutated = TestFiles.RealCatalogue.Replace("    after_write: UpdateSctlr", "    after_write: UpdateSctrl", StringComparison.Ordinal);
        var diagnostic = GeneratorHarness.CatalogueDiagnostics(mutated).Single(d => d.Id == "TG0015");
        var printed = diagnostic.ToString();
        Assert.StartsWith(GeneratorHarness.CataloguePath + "(", printed, StringComparison.Ordinal);
        Assert.Contains("): error TG0015: SCTLR_EL1 names the hook 'UpdateSctrl'", printed, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("https://github.com/trapgen/trapgen/blob/main/docs/diagnostics.md#tg0015", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void The_seeds_three_bit_crn_mask_is_rejected_with_the_right_mask_in_the_message()
    {
        var mutated = TestFiles.RealCatalogue.Replace("      CRn:       { lsb: 10, width: 4 }", "      CRn:       { lsb: 11, width: 3 }", StringComparison.Ordinal);
        var messages = GeneratorHarness.CatalogueDiagnostics(mutated).Where(d => d.Id == "TG0013").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains("(mask 0x00003800), but the Arm ARM defines it as [13:10] (mask 0x00003C00)", m, StringComparison.Ordinal));
    }

    [Fact]
    public void A_catalogue_with_errors_generates_no_code()
    {
        var mutated = TestFiles.RealCatalogue.Replace("    after_write: UpdateSctlr", "    after_write: UpdateSctrl", StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Run(mutated).Result.GeneratedSources);
    }

    private static int FindMarkerForDeletion(string text, string marker) =>
        text.IndexOf("  - name: " + marker, StringComparison.Ordinal) + "  - name: ".Length;

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var before = text.Substring(0, offset);
        var line = before.Count(c => c == '\n');
        var column = offset - (before.LastIndexOf('\n') + 1);
        return (line, column);
    }
}

using System;
using System.Globalization;
using System.Linq;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// The whole text of each wording whose pieces are optional (a suggestion, a mapping, a fallback), and
/// of the parser's own: each case a small catalogue of its own and the exact message it must print,
/// through the catalogue loader and through the compiler alike.
/// </summary>
public sealed class DiagnosticWordingTests
{
    public sealed record Case(string Id, string Catalogue, string Message)
    {
        public override string ToString() => Id + ": " + Message;
    }

    private const string Registers = "version: 1\nregisters:\n";
    private const string Far = Registers + "  - name: FAR_EL1\n    handling: passthrough\n";

    public static TheoryData<Case> Cases() =>
    [
        // TG0022: an AArch64 name the architecture lacks, with or without an encoding and a suggestion.
        new("TG0022", Registers + "  - name: AFSR9_EL1\n    encoding: { op0: 3, op1: 0, crn: 5, crm: 1, op2: 0 }\n    handling: passthrough\n",
            "AFSR9_EL1 is not an architectural register name: (3,0,5,1,0) is AFSR0_EL1; name it AFSR0_EL1"),
        new("TG0022", Registers + "  - name: SCTRL_EL1\n    handling: passthrough\n",
            "The architecture has no AArch64 register named SCTRL_EL1. Did you mean SCTLR_EL1? Use an architectural name, or give its encoding and mark it implementation_defined: true"),
        new("TG0022", Registers + "  - name: QQQQQQQQQQQQ\n    handling: passthrough\n",
            "The architecture has no AArch64 register named QQQQQQQQQQQQ. Use an architectural name, or give its encoding and mark it implementation_defined: true"),
        new("TG0022", Registers + "  - name: VBAR_EL9\n    encoding: { op0: 3, op1: 0, crn: 12, crm: 7, op2: 0 }\n    handling: passthrough\n",
            "The architecture has no AArch64 register named VBAR_EL9, and none at (3,0,12,7,0). Did you mean VBAR_EL1? If it is IMPLEMENTATION DEFINED, mark it implementation_defined: true"),
        new("TG0022", Registers + "  - name: QQQQQQQQQQQQ\n    encoding: { op0: 3, op1: 0, crn: 12, crm: 7, op2: 0 }\n    handling: passthrough\n",
            "The architecture has no AArch64 register named QQQQQQQQQQQQ, and none at (3,0,12,7,0). If it is IMPLEMENTATION DEFINED, mark it implementation_defined: true"),

        // TG0024: an AArch32 name the architecture lacks, written alone under a register, as an entry's name, or with its encoding.
        new("TG0024", Far + "    aarch32:\n      - IFARR\n",
            "The architecture has no AArch32 cp15 register named IFARR (the architecture maps DFAR, IFAR onto FAR_EL1). Did you mean IFAR?"),
        new("TG0024", Far + "    aarch32:\n      - QQQQQQQQQQQQ\n",
            "The architecture has no AArch32 cp15 register named QQQQQQQQQQQQ (the architecture maps DFAR, IFAR onto FAR_EL1)."),
        new("TG0024", Registers + "  - name: VBAR_EL1\n    handling: passthrough\n    aarch32:\n      - QQQQQQQQQQQQ\n",
            "The architecture has no AArch32 cp15 register named QQQQQQQQQQQQ (the architecture maps VBAR onto VBAR_EL1)."),
        new("TG0024", Far + "    aarch32:\n      - name: IFARR\n",
            "The architecture has no AArch32 cp15 register named IFARR. Did you mean IFAR?"),
        new("TG0024", Far + "    aarch32:\n      - name: QQQQQQQQQQQQ\n",
            "The architecture has no AArch32 cp15 register named QQQQQQQQQQQQ."),
        new("TG0024", Far + "    aarch32:\n      - name: IFARR\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 7 }\n        view: hi\n",
            "The architecture has no AArch32 cp15 register named IFARR (the architecture maps DFAR, IFAR onto FAR_EL1). Did you mean IFAR?"),

        // TG0030: no System instruction EL1 can execute.
        new("TG0030", Far + "instructions:\n  - name: DC CISWX\n    handling: ignore\n",
            "The architecture has no System instruction named DC CISWX. Did you mean DC CISW? Write an AArch64 one as its mnemonic and operation (DC CISW, TLBI VMALLE1IS) or an AArch32 one by its name (DCCISW); trapgen list --architecture lists them"),
        new("TG0030", Far + "instructions:\n  - name: QQQQQQQQQQQQ\n    handling: ignore\n",
            "The architecture has no System instruction named QQQQQQQQQQQQ. Write an AArch64 one as its mnemonic and operation (DC CISW, TLBI VMALLE1IS) or an AArch32 one by its name (DCCISW); trapgen list --architecture lists them"),
        new("TG0030", Far + "instructions:\n  - name: SCTLR_EL1\n    handling: ignore\n",
            "SCTLR_EL1 is a register, not a System instruction: list it under registers"),
        new("TG0030", Far + "instructions:\n  - name: DFAR\n    handling: ignore\n",
            "DFAR is an AArch32 register, not a System instruction: list it under registers (as an aarch32 view of FAR_EL1)"),
        new("TG0030", Far + "instructions:\n  - name: TCMTR\n    handling: ignore\n",
            "TCMTR is an AArch32 register, not a System instruction: list it under registers (as an aarch32 view of its AArch64 register)"),
        new("TG0030", Far + "instructions:\n  - name: TLBI ALLE2\n    handling: ignore\n",
            "TLBI ALLE2 is an EL2 instruction: EL1 cannot execute it (it is UNDEFINED there), so it never traps to EL2; remove it"),

        // TG0032: each wrong field override.
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVF: 0 }\n",
            "ID_AA64PFR0_EL1 has no field named SVF; did you mean SVE? (its fields: EL0 [3:0], EL1 [7:4], EL2 [11:8], EL3 [15:12], FP [19:16], AdvSIMD [23:20], GIC [27:24], RAS [31:28], SVE [35:32], SEL2 [39:36], MPAM [43:40], AMU [47:44], DIT [51:48], RME [55:52], CSV2 [59:56], CSV3 [63:60]); "
            + "for a field the architecture's table lacks, declare its bits: SVF: { lsb: <bit>, width: <bits>, value: 0 }"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { QQQQQQQQQQQQ: 0x1F }\n",
            "ID_AA64PFR0_EL1 has no field named QQQQQQQQQQQQ (its fields: EL0 [3:0], EL1 [7:4], EL2 [11:8], EL3 [15:12], FP [19:16], AdvSIMD [23:20], GIC [27:24], RAS [31:28], SVE [35:32], SEL2 [39:36], MPAM [43:40], AMU [47:44], DIT [51:48], RME [55:52], CSV2 [59:56], CSV3 [63:60]); "
            + "for a field the architecture's table lacks, declare its bits: QQQQQQQQQQQQ: { lsb: <bit>, width: <bits>, value: 0x1F }"),
        new("TG0032", Registers + "  - name: REVIDR_EL1\n    handling: sanitised\n    fields: { Fix: 1 }\n",
            "The architecture's field table has no fields for REVIDR_EL1: declare the field's bits, Fix: { lsb: <bit>, width: <bits>, value: 1 }"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: { lsb: 36, width: 4, value: 12 } }\n",
            "ID_AA64PFR0_EL1.SVE is bits [35:32] in the architecture, but lsb: 36, width: 4 ([39:36]) is declared: write SVE: 0xC, taking its bits from the architecture"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { Extra: { lsb: 60, width: 8, value: 0 } }\n",
            "ID_AA64PFR0_EL1.Extra [67:60] lies outside the 64-bit register; its bits must be within [63:0]"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 0x10 }\n",
            "0x10 does not fit ID_AA64PFR0_EL1.SVE [35:32], a 4-bit field (at most 0xF): give a value the field can hold"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 0, Hidden: { lsb: 34, width: 4, value: 0 } }\n",
            "ID_AA64PFR0_EL1.Hidden [37:34] overlaps SVE [35:32]: give each bit one value"),

        // The parser's own: YAML it cannot take, an alias entry's form, a value that is none of the choices.
        new("TG0001", Far + "---\nregisters: []\n",
            "The catalogue is not valid YAML: a catalogue is one YAML document; remove the second '---'"),
        new("TG0001", Registers + "  - name: FAR_EL1\n    handling: *nope\n",
            "The catalogue is not valid YAML: the alias *nope refers to no anchor &nope before it (an alias may not refer to a node that contains it)"),
        new("TG0003", Registers + "  - name: TTBR0_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR0\n        mcr: { opc1: 0, crn: 2, crm: 0, opc2: 0 }\n        mcrr: { opc1: 0, crm: 2 }\n        view: lo\n",
            "Missing the required key 'mcr or mcrr, not both' in TTBR0 (exactly one of 'mcr' and 'mcrr')"),
        new("TG0003", Registers + "  - name: TTBR0_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR0\n",
            "Missing the required key 'mcr or mcrr' in TTBR0 (it has an MCR and an MCRR form: give one, or write the name alone for both)"),
        new("TG0004", Registers + "  - name: FAR_EL1\n    width: 48\n    handling: passthrough\n",
            "Invalid value '48' for 'width': expected one of 32, 64"),
        new("TG0004", "version: 1\ntrap_groups:\n  - name: TVM\n    others: raz-wi\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { TVM: sometimes }\n",
            "Invalid value 'sometimes' for 'traps of SCTLR_EL1': expected a trap group mapped to one of read, write, read-write"),
        new("TG0025", "version: 1\nregisters: " + new string('[', 73) + new string(']', 73) + "\n",
            "TrapGen stops reading: the YAML nests 65 levels deep here, over the limit of 64; raise it with <TrapGenMaxCatalogueDepth> in the project, or --max-catalogue-depth for trapgen"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_wording_prints_exactly(Case testCase)
    {
        var loaded = CatalogueLoader.Load(testCase.Catalogue).Diagnostics.Where(d => d.Rule.Id == testCase.Id).Select(d => d.Message);
        var compiled = GeneratorHarness.CatalogueDiagnostics(testCase.Catalogue).Where(d => d.Id == testCase.Id).Select(d => d.GetMessage(CultureInfo.InvariantCulture));

        Assert.Contains(testCase.Message, loaded);
        Assert.Contains(testCase.Message, compiled);
    }

    [Fact]
    public void A_catalogue_over_the_size_limit_is_refused_with_its_length()
    {
        var limits = CatalogueLimits.Default with { MaxCharacters = 10 };

        var diagnostic = Assert.Single(CatalogueLoader.Load(Far, limits).Diagnostics);

        Assert.Equal(CatalogueRules.LimitExceeded.Id, diagnostic.Rule.Id);
        Assert.Equal(
            "TrapGen stops reading: the catalogue is " + Far.Length.ToString(CultureInfo.InvariantCulture)
            + " characters long, over the limit of 10; raise it with <TrapGenMaxCatalogueSize> in the project, or --max-catalogue-size for trapgen",
            diagnostic.Message);
    }

    [Fact]
    public void Only_the_echoed_values_are_cut_so_a_long_wording_keeps_its_end()
    {
        // CLIDR_EL1 has 18 fields: the list and the wording around it pass 400 characters, the most of one echoed value.
        var diagnostic = Assert.Single(
            CatalogueLoader.Load(Registers + "  - name: CLIDR_EL1\n    handling: sanitised\n    fields: { Ttype9: 0 }\n").Diagnostics,
            d => d.Rule.Id == CatalogueRules.InvalidFieldOverride.Id);

        Assert.True(diagnostic.Message.Length > 400, diagnostic.Message);
        Assert.Contains("Ttype7 [46:45]); ", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("declare its bits: Ttype9: { lsb: <bit>, width: <bits>, value: 0 }", diagnostic.Message, StringComparison.Ordinal);
    }
}

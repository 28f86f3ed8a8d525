using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Diagnostics;
using Xunit;

namespace TrapGen.Catalogue.Tests;

/// <summary>
/// schemas/registers.schema.json, the schema editors validate registers.yaml with, against the catalogue
/// loader, through a real JSON Schema validator (JsonSchema.Net): every catalogue the loader accepts is
/// valid, every wrong catalogue is invalid at its offending property and rejected by the loader too, and
/// the schema's keys, enumerations, ranges and types are the parser's (the Structure part). The YAML becomes
/// the JSON a YAML language server would hand the schema, except that numbers are read as the parser reads
/// them (see <see cref="ToJson"/>, in the Evaluation part).
/// </summary>
public sealed partial class CatalogueSchemaTests
{
    private const string Registers = "version: 1\nregisters:\n";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    private static readonly Lazy<string> SchemaText = new(() => File.ReadAllText(SchemaPath));

    private static readonly Lazy<JsonObject> SchemaDocument = new(() => JsonNode.Parse(SchemaText.Value)!.AsObject());

    private static string SchemaPath => Path.GetFullPath(Path.Combine(TestFiles.ProjectDirectory(), "..", "..", "schemas", "registers.schema.json"));

    /// <summary>The shipped registers.yaml and every fixture catalogue that the loader accepts without errors.</summary>
    public static TheoryData<string> AcceptedCatalogues()
    {
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.registers.yaml")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in fixtures.Prepend("registers.yaml").Where(name => !CatalogueLoader.Load(TestFiles.Fixture(name)).HasErrors))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedCatalogues))]
    public void A_catalogue_the_loader_accepts_is_valid_against_the_schema(string fileName)
    {
        var text = TestFiles.Fixture(fileName);
        Assert.False(CatalogueLoader.Load(text).HasErrors);

        var results = Validate(text);

        Assert.True(results.IsValid, fileName + " fails the schema:\n" + string.Join("\n", Errors(results)));
    }

    [Fact]
    public void The_accepted_catalogues_include_the_shipped_one_and_the_written_out_fixture()
    {
        var names = ((IEnumerable<object[]>)AcceptedCatalogues()).Select(row => (string)row[0]).ToList();

        Assert.Contains("registers.yaml", names);
        Assert.Contains("full.registers.yaml", names);
    }

    /// <summary>Catalogues the loader accepts, written in every form it reads: the schema must accept them too.</summary>
    public static TheoryData<string, string> AcceptedForms() => new()
    {
        {
            "numbers in hex, in binary and with underscores",
            Registers + ImplementationDefined("{ op0: 0b11, op1: 0x0, crn: 0xF, crm: 0_2, op2: 0b000 }", "width: 64", "reset: 0xFFFF_FFFF_FFFF_FFFF")
        },
        {
            "numbers, width and booleans quoted",
            "version: \"0x1\"\nregisters:\n  - name: VENDOR_CTLR_EL1\n    implementation_defined: \"true\"\n"
            + "    encoding: { op0: \"3\", op1: '0', crn: \"0b1111\", crm: \"0x2\", op2: \"0_0\" }\n    width: \"64\"\n    reset: \"1_000\"\n    handling: raz-wi\n"
            + "  - name: FAR_EL1\n    handling: \"passthrough\"\n    guest_aarch32_state: 'false'\n"
        },
        {
            "a 32-bit IMPLEMENTATION DEFINED register with the largest 32-bit reset and an MCR alias onto all of it",
            Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 11, crm: 0, op2: 0 }", "width: 32", "reset: 0xFFFFFFFF")
            + "    aarch32:\n      - name: VENDOR_CTLR\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 7 }\n        view: whole\n"
        },
        {
            "a 64-bit IMPLEMENTATION DEFINED register with an MCR alias onto its low half",
            Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 2, op2: 0 }", "width: \"64\"")
            + "    aarch32:\n      - name: VENDOR_LO\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 7 }\n        view: lo\n"
        },
        {
            "a trap group of the catalogue's own, its hcr_bit the largest, in hex",
            "version: 1\ntrap_groups:\n  - name: AUDIT\n    hcr_bit: 0x3F\n    description: Audited\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { AUDIT: read-write }\n"
        },
        {
            "constant registers, 64-bit and a 32-bit IMPLEMENTATION DEFINED one at its largest value",
            Registers + "  - name: MIDR_EL1\n    handling: constant\n    value: 0x410F_D034\n"
            + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 2, op2: 0 }", "width: 32", "handling: constant\n    value: 0xFFFFFFFF").Replace("    handling: raz-wi\n", string.Empty, StringComparison.Ordinal)
        },
        {
            "trap groups by their bit, with others: a partial catalogue on purpose",
            "version: 1\ntrap_groups:\n  - name: VirtualMemory\n    hcr_bit: 26\n    others: raz-wi\n  - name: TRVM\n    others: undefined\n  - name: TACR\n    others: unhandled\n"
            + "registers:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { VirtualMemory: write, TRVM: read }\n"
        },
        {
            "trap groups keyed on controls by their qualified names, coarse and fine-grained, with a membership of one",
            "version: 1\ntrap_groups:\n  - name: MDCR_EL2.TPM\n    others: undefined\n  - name: HCR_EL2.TACR\n    hcr_bit: 21\n    others: undefined\n"
            + "  - name: HFGRTR_EL2.LORID_EL1\n    others: undefined\n  - name: HFGWTR_EL2.SCTLR_EL1\n    others: undefined\n"
            + "registers:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { HFGWTR_EL2.SCTLR_EL1: write }\n"
        },
        {
            "MPAM's EL2 controls as trap groups, qualified and not, on the model with MPAM, with a membership",
            "version: 1\ncpus: [neoverse-v1]\ntrap_groups:\n  - name: MPAM2_EL2.TRAPMPAM1EL1\n    others: undefined\n  - name: TRAPMPAM0EL1\n    others: raz-wi\n"
            + "registers:\n  - name: MPAM1_EL1\n    handling: passthrough\n    traps: { MPAM2_EL2.TRAPMPAM1EL1: read-write }\n"
        },
        {
            "MPAM's bandwidth and MPAMHCR_EL2 controls as trap groups, checked against the architecture alone",
            "version: 1\ntrap_groups:\n  - name: MPAMBW2_EL2.nTRAP_MPAMBW1_EL1\n    others: undefined\n  - name: MPAMHCR_EL2.TRAP_MPAMIDR_EL1\n    others: unhandled\n  - name: TIDR\n    others: unhandled\n"
            + "registers: []\n"
        },
        {
            "an HCR_EL2 trap control with its architectural bit written out",
            "version: 1\ntrap_groups:\n  - name: TACR\n    hcr_bit: 21\n    others: undefined\nregisters:\n  - name: ACTLR_EL1\n    handling: passthrough\n    traps: { TACR: read-write }\n"
        },
        {
            "descriptions that YAML reads as a number and as a boolean",
            "version: 1\nhooks:\n  - name: UpdateSctlr\n    description: 2024\nregisters:\n  - name: SCTLR_EL1\n    description: true\n    handling: passthrough\n    after_write: UpdateSctlr\n"
        },
        {
            "AArch32 aliases by name and written out, MCR with a half and MCRR whole, and traps: {}",
            Registers + "  - name: FAR_EL1\n    handling: passthrough\n    traps: {}\n    aarch32:\n      - DFAR\n      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }\n        view: hi\n"
            + "  - name: TTBR1_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR1\n        mcrr: { opc1: 1, crm: 2 }\n        view: whole\n"
        },
        {
            "an emulated register",
            "version: 1\nemulators:\n  - name: Cntpct\nregisters:\n  - name: CNTPCT_EL0\n    handling: emulated\n    emulator: Cntpct\n    access: ro\n"
        },        { "the CPU models it is written for", "version: 1\ncpus: [cortex-a57, neoverse-n1]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n" },
    };

    [Theory]
    [MemberData(nameof(AcceptedForms))]
    public void A_form_the_loader_accepts_is_valid_against_the_schema(string description, string yaml)
    {
        var loaded = CatalogueLoader.Load(yaml);
        Assert.False(loaded.HasErrors, description + ": the loader rejects it:\n" + Describe(loaded));

        var results = Validate(yaml);

        Assert.True(results.IsValid, description + ": the schema rejects it:\n" + string.Join("\n", Errors(results)));
    }

    /// <summary>
    /// Wrong catalogues: each with one mistake, the property the schema must name (a segment of the
    /// error's instance location, or a property its message quotes), and the error the loader reports.
    /// </summary>
    public static TheoryData<string, string, string, string> WrongCatalogues() => new()
    {
        // Encoding ranges: the ISS field widths, op0 from 2.
        { "op0: 9", Encoding("op0: 9"), "op0", CatalogueRules.FieldOutOfRange.Id },
        { "op0: 1 (op0 0 and 1 encode instructions)", Encoding("op0: 1"), "op0", CatalogueRules.FieldOutOfRange.Id },
        { "op1: 0x8 (hex, read as the parser reads it)", Encoding("op1: 0x8"), "op1", CatalogueRules.FieldOutOfRange.Id },
        { "crn: 16", Encoding("crn: 16"), "crn", CatalogueRules.FieldOutOfRange.Id },
        { "crm: 0b10000 (binary)", Encoding("crm: 0b10000"), "crm", CatalogueRules.FieldOutOfRange.Id },
        { "op2: 8", Encoding("op2: 8"), "op2", CatalogueRules.FieldOutOfRange.Id },
        { "op1: -1", Encoding("op1: -1"), "op1", CatalogueRules.InvalidValue.Id },
        { "op1: 1.5", Encoding("op1: 1.5"), "op1", CatalogueRules.InvalidValue.Id },
        { "op1: one", Encoding("op1: one"), "op1", CatalogueRules.InvalidValue.Id },
        { "mcr opc1: 8", Mcr("opc1: 8, crn: 1, crm: 0, opc2: 0"), "opc1", CatalogueRules.FieldOutOfRange.Id },
        { "mcr crn: 16", Mcr("opc1: 0, crn: 16, crm: 0, opc2: 0"), "crn", CatalogueRules.FieldOutOfRange.Id },
        { "mcr crm: 0x10", Mcr("opc1: 0, crn: 1, crm: 0x10, opc2: 0"), "crm", CatalogueRules.FieldOutOfRange.Id },
        { "mcr opc2: 8", Mcr("opc1: 0, crn: 1, crm: 0, opc2: 8"), "opc2", CatalogueRules.FieldOutOfRange.Id },
        { "mcrr opc1: 16", Mcrr("opc1: 16, crm: 2"), "opc1", CatalogueRules.FieldOutOfRange.Id },
        { "mcrr crm: 16", Mcrr("opc1: 1, crm: 16"), "crm", CatalogueRules.FieldOutOfRange.Id },

        // Unknown keys, at every level.
        { "an unknown key at the top", "colour: blue\n" + Registers + "  - name: FAR_EL1\n    handling: passthrough\n", "colour", CatalogueRules.UnknownKey.Id },
        { "an unknown key in a register", Registers + "  - name: FAR_EL1\n    colour: blue\n    handling: passthrough\n", "colour", CatalogueRules.UnknownKey.Id },
        { "an unknown key in an encoding", Encoding("op2: 1, op3: 0"), "op3", CatalogueRules.UnknownKey.Id },
        { "an unknown key in an alias", Mcr("opc1: 0, crn: 1, crm: 0, opc2: 0", "        colour: blue\n"), "colour", CatalogueRules.UnknownKey.Id },
        { "an unknown key in a trap group", OwnGroup("    hcr_bit: 50\n    colour: blue\n"), "colour", CatalogueRules.UnknownKey.Id },
        {
            "an unknown key in a hook",
            "version: 1\nhooks:\n  - name: UpdateSctlr\n    colour: blue\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    after_write: UpdateSctlr\n",
            "colour", CatalogueRules.UnknownKey.Id
        },

        // Enumerated values.
        { "handling: bogus", Registers + "  - name: FAR_EL1\n    handling: bogus\n", "handling", CatalogueRules.InvalidValue.Id },
        { "access: rx", Registers + "  - name: FAR_EL1\n    access: rx\n    handling: passthrough\n", "access", CatalogueRules.InvalidValue.Id },
        { "view: middle", Mcr("opc1: 0, crn: 1, crm: 0, opc2: 0", "        view: middle\n"), "view", CatalogueRules.InvalidValue.Id },
        { "value on a passthrough register", Registers + "  - name: REVIDR_EL1\n    handling: passthrough\n    value: 3\n", "handling", CatalogueRules.UnknownHandler.Id },
        { "others: sometimes", "version: 1\ntrap_groups:\n  - name: TVM\n    others: sometimes\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { TVM: write }\n", "others", CatalogueRules.InvalidValue.Id },
        { "a trap direction: both", OwnGroup("    hcr_bit: 50\n", "both"), "AUDIT", CatalogueRules.InvalidValue.Id },
        { "implementation_defined: yes", Registers + "  - name: FAR_EL1\n    implementation_defined: yes\n    handling: passthrough\n", "implementation_defined", CatalogueRules.InvalidValue.Id },
        { "guest_aarch32_state: 1", Registers + "  - name: FAR_EL1\n    guest_aarch32_state: 1\n    handling: passthrough\n", "guest_aarch32_state", CatalogueRules.InvalidValue.Id },
        { "width: 48", Registers + "  - name: FAR_EL1\n    width: 48\n    handling: passthrough\n", "width", CatalogueRules.InvalidValue.Id },
        { "registers: not a list", "version: 1\nregisters: FAR_EL1\n", "registers", CatalogueRules.InvalidValue.Id },
        { "an empty description", Registers + "  - name: FAR_EL1\n    description: \"\"\n    handling: passthrough\n", "description", CatalogueRules.InvalidValue.Id },
        { "version: 2", "version: 2\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "version", CatalogueRules.FieldOutOfRange.Id },
        { "version: \"0x2\" (quoted)", "version: \"0x2\"\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "version", CatalogueRules.FieldOutOfRange.Id },

        // Required keys.
        { "a register without a name", Registers + "  - handling: passthrough\n", "name", CatalogueRules.MissingKey.Id },
        { "a register without handling", Registers + "  - name: FAR_EL1\n", "handling", CatalogueRules.MissingKey.Id },
        { "no registers", "version: 1\nhooks: []\n", "registers", CatalogueRules.MissingKey.Id },
        { "a trap group of the catalogue's own without hcr_bit", OwnGroup(string.Empty), "hcr_bit", CatalogueRules.MissingKey.Id },
        { "an implementation_defined register without width", Registers + "  - name: VENDOR_CTLR_EL1\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, crm: 0, op2: 0 }\n    handling: raz-wi\n", "width", CatalogueRules.MissingKey.Id },
        { "an implementation_defined register without encoding", Registers + "  - name: VENDOR_CTLR_EL1\n    implementation_defined: true\n    width: 64\n    handling: raz-wi\n", "encoding", CatalogueRules.MissingKey.Id },
        { "an alias with both mcr and mcrr", Mcr("opc1: 0, crn: 1, crm: 0, opc2: 0", "        mcrr: { opc1: 0, crm: 1 }\n"), "mcrr", CatalogueRules.MissingKey.Id },

        // Ranges, and the Arm ARM's facts.
        { "hcr_bit: 64", OwnGroup("    hcr_bit: 64\n"), "hcr_bit", CatalogueRules.FieldOutOfRange.Id },
        { "a qualified trap group name that is no REGISTER.FIELD", "version: 1\ntrap_groups:\n  - name: MDCR_EL2.TDA.X\n    others: undefined\nregisters: []\n", "name", CatalogueRules.UnknownControlName.Id },
        { "an HCR_EL2 control with another bit (TACR is bit 21)", "version: 1\ntrap_groups:\n  - name: TACR\n    hcr_bit: 22\nregisters:\n  - name: ACTLR_EL1\n    handling: passthrough\n    traps: { TACR: read-write }\n", "hcr_bit", CatalogueRules.ContradictsArchitecture.Id },

        // Names are C# identifiers, and references name declared entries.
        { "a register name that is no identifier", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 0, op2: 1 }", "width: 64").Replace("VENDOR_CTLR_EL1", "CONTEXT-IDR_EL1", StringComparison.Ordinal), "name", CatalogueRules.InvalidIdentifier.Id },
        { "a hook named after a C# keyword", "version: 1\nhooks:\n  - name: class\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    after_write: class\n", "name", CatalogueRules.InvalidIdentifier.Id },
        { "an alias by a name that is no identifier", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32: [DF-AR]\n", "aarch32", CatalogueRules.AliasContradictsArchitecture.Id },
        { "a trap group in traps that is no identifier", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    traps: { T-VM: write }\n", "traps", CatalogueRules.UnknownTrapGroup.Id },

        // The validator's rules that need no architecture.
        { "handling: emulated without an emulator", "version: 1\nemulators:\n  - name: Cntpct\nregisters:\n  - name: CNTPCT_EL0\n    handling: emulated\n", "emulator", CatalogueRules.UnknownHandler.Id },
        { "cpus: [] (no model)", "version: 1\ncpus: []\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus", CatalogueRules.InvalidCpuList.Id },
        { "cpus naming a model TrapGen lacks", "version: 1\ncpus: [cortex-a75]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus", CatalogueRules.InvalidCpuList.Id },
        { "cpus naming a model twice", "version: 1\ncpus: [cortex-a57, cortex-a57]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus", CatalogueRules.InvalidCpuList.Id },
        { "cpus that is not a list", "version: 1\ncpus: cortex-a57\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus", CatalogueRules.InvalidValue.Id },
        { "an emulator with handling: passthrough", "version: 1\nemulators:\n  - name: Cntpct\nregisters:\n  - name: CNTPCT_EL0\n    handling: passthrough\n    emulator: Cntpct\n", "handling", CatalogueRules.UnknownHandler.Id },
        { "width: 32 on an architectural register", Registers + "  - name: FAR_EL1\n    width: 32\n    handling: passthrough\n", "implementation_defined", CatalogueRules.PropertyContradictsArchitecture.Id },
        { "a 32-bit register's reset over 32 bits", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 0, op2: 0 }", "width: 32", "reset: 0x1_0000_0000"), "reset", CatalogueRules.FieldOutOfRange.Id },
        { "an implementation_defined register outside the IMPLEMENTATION DEFINED space", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 9, crm: 0, op2: 7 }", "width: 64"), "crn", CatalogueRules.EncodingContradictsArchitecture.Id },
        { "an MCRR alias with view: lo", Mcrr("opc1: 1, crm: 2", "        view: lo\n"), "view", CatalogueRules.InvalidView.Id },
        { "an MCR alias of a 64-bit IMPLEMENTATION DEFINED register without a view", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 2, op2: 0 }", "width: 64") + "    aarch32:\n      - name: BASE\n        mcr: { opc1: 0, crn: 15, crm: 2, opc2: 0 }\n", "view", CatalogueRules.InvalidView.Id },
        { "an MCR alias onto all of a 64-bit register", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32:\n      - name: DFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 0 }\n        view: whole\n", "view", CatalogueRules.InvalidView.Id },
        { "an MCR alias onto a 32-bit register with view: lo", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 0, op2: 0 }", "width: 32") + "    aarch32:\n      - name: VENDOR\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 7 }\n        view: lo\n", "view", CatalogueRules.InvalidView.Id },
        { "an MCRR alias onto a 32-bit register", Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 0, op2: 0 }", "width: 32") + "    aarch32:\n      - name: VENDOR\n        mcrr: { opc1: 0, crm: 15 }\n", "aarch32", CatalogueRules.InvalidView.Id },
    };

    [Fact]
    public void A_syndrome_section_fails_the_schema_and_the_loader_says_it_is_no_longer_needed()
    {
        const string Yaml = "version: 1\nsyndrome: {}\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n";

        var results = Validate(Yaml);

        Assert.False(results.IsValid);
        Assert.Contains(Errors(results), error => error.Mentions("syndrome"));
        var loaded = CatalogueLoader.Load(Yaml);
        Assert.Equal([(CatalogueRules.SyndromeRetired.Id, false)], loaded.Diagnostics.Select(d => (d.Rule.Id, d.IsError)));
        Assert.NotNull(loaded.ValidCatalogue);
    }

    [Theory]
    [MemberData(nameof(WrongCatalogues))]
    public void A_wrong_catalogue_fails_the_schema_at_its_property_and_the_loader_rejects_it(string description, string yaml, string property, string diagnosticId)
    {
        var results = Validate(yaml);

        Assert.False(results.IsValid, description + ": the schema accepts it");
        var errors = Errors(results);
        Assert.True(errors.Any(error => error.Mentions(property)), description + ": no schema error names '" + property + "':\n" + string.Join("\n", errors));
        var loaded = CatalogueLoader.Load(yaml);
        Assert.True(
            loaded.Diagnostics.Any(d => d.IsError && d.Rule.Id == diagnosticId),
            description + ": the loader does not report " + diagnosticId + ":\n" + Describe(loaded));
    }

    /// <summary>
    /// What the schema cannot see, so that only the loader rejects it: the architecture's facts, and the
    /// places where the JSON a YAML language server builds has lost the text the parser reads.
    /// </summary>
    public static TheoryData<string, string> BeyondTheSchema() => new()
    {
        { "a register name the architecture does not have", Registers + "  - name: SCTRL_EL1\n    handling: passthrough\n" },
        { "width: 0x40 (the integer 64 to YAML; the parser takes the text 32 or 64 only)", Registers + "  - name: FAR_EL1\n    width: 0x40\n    handling: passthrough\n" },
        {
            "implementation_defined: True on a register written out in full (a boolean to YAML 1.2; the parser takes true and false only)",
            Registers + ImplementationDefined("{ op0: 3, op1: 0, crn: 15, crm: 0, op2: 0 }", "width: 64").Replace("implementation_defined: true", "implementation_defined: True", StringComparison.Ordinal)
        },
        { "op1: 0.0 (an integer to JSON Schema; the parser reads no fraction)", Encoding("op1: 0.0") },
        { "op0: \"9\" (a number written as a string is checked for its form, not its range)", Encoding("op0: \"9\"") },
    };

    [Theory]
    [MemberData(nameof(BeyondTheSchema))]
    public void What_the_schema_cannot_see_only_the_loader_rejects(string description, string yaml)
    {
        Assert.True(CatalogueLoader.Load(yaml).HasErrors, description + ": the loader accepts it");

        var results = Validate(yaml);

        Assert.True(results.IsValid, description + ": the schema now rejects it; move it to WrongCatalogues:\n" + string.Join("\n", Errors(results)));
    }

    /// <summary>
    /// The one place the schema is stricter than the parser: the parser reads <c>description: ~</c> as the
    /// text "~", but to YAML it is null, as an empty <c>description:</c> is, which the parser rejects.
    /// </summary>
    [Fact]
    public void A_null_description_is_rejected_by_the_schema_though_the_parser_reads_its_text()
    {
        var yaml = Registers + "  - name: FAR_EL1\n    description: ~\n    handling: passthrough\n";

        Assert.False(CatalogueLoader.Load(yaml).HasErrors);
        Assert.False(Validate(yaml).IsValid);
        Assert.True(CatalogueLoader.Load(Registers + "  - name: FAR_EL1\n    description:\n    handling: passthrough\n").HasErrors);
    }

    private static string Encoding(string change)
    {
        var fields = new Dictionary<string, string> { ["op0"] = "3", ["op1"] = "0", ["crn"] = "13", ["crm"] = "0", ["op2"] = "1" };
        var extra = new List<string>();
        foreach (var part in change.Split(", "))
        {
            var key = part[..part.IndexOf(':', StringComparison.Ordinal)];
            var value = part[(key.Length + 1)..].Trim();
            if (fields.ContainsKey(key))
            {
                fields[key] = value;
            }
            else
            {
                extra.Add(key + ": " + value);
            }
        }

        var encoding = string.Join(", ", fields.Select(p => p.Key + ": " + p.Value).Concat(extra));
        return Registers + "  - name: CONTEXTIDR_EL1\n    encoding: { " + encoding + " }\n    handling: passthrough\n";
    }

    private static string Mcr(string encoding, string more = "") =>
        Registers + "  - name: SCTLR_EL1\n    handling: passthrough\n    aarch32:\n      - name: SCTLR\n        mcr: { " + encoding + " }\n" + more;

    private static string Mcrr(string encoding, string more = "") =>
        Registers + "  - name: TTBR1_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR1\n        mcrr: { " + encoding + " }\n" + more;

    private static string OwnGroup(string lines, string direction = "write") =>
        "version: 1\ntrap_groups:\n  - name: AUDIT\n" + lines + "registers:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { AUDIT: " + direction + " }\n";

    private static string ImplementationDefined(string encoding, params string[] lines) =>
        "  - name: VENDOR_CTLR_EL1\n    implementation_defined: true\n    encoding: " + encoding + "\n"
        + string.Concat(lines.Select(line => "    " + line + "\n")) + "    handling: raz-wi\n";

}

using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using Xunit;

namespace TrapGen.Catalogue.Tests;

/// <summary>
/// A catalogue's <c>cpus:</c> against TrapGen's CPU models: TG0035 fires exactly when no named model implements
/// what an entry handles, and TG0036 exactly when a sanitised ID field is above a named model's value. The
/// expectations come from <see cref="CpuModel"/>, over every model, never from a hard-coded list.
/// </summary>
public sealed class CpuModelCheckTests
{
    /// <summary>Registers some models have and others lack: features of later architecture versions.</summary>
    private static readonly string[] SometimesPresentRegisters = ["CCSIDR2_EL1", "ZCR_EL1", "APIAKEYLO_EL1", "LORC_EL1", "ERRSELR_EL1", "SCXTNUM_EL1"];

    /// <summary>Registers every model has (FAR_EL1), or none (a seventh breakpoint, a fifth watchpoint: the models have six and four).</summary>
    private static readonly string[] AlwaysOrNeverPresentRegisters = ["FAR_EL1", "DBGBVR6_EL1", "DBGWVR4_EL1"];

    /// <summary>AArch32 forms, each written under its AArch64 register's <c>aarch32</c>.</summary>
    private static readonly (string Register, string Alias)[] SometimesPresentAliases =
    [
        ("TCR_EL1", "TTBCR2"), ("ACTLR_EL1", "ACTLR2"), ("FAR_EL1", "DFAR"), ("CCSIDR2_EL1", "CCSIDR2"),
    ];

    private static readonly string[] SometimesPresentInstructions = ["DC CVAP", "DC CVADP", "TLBI VMALLE1OS", "DC CISW", "DCCISW"];

    /// <summary>The sanitised ID registers whose every architectural field is compared.</summary>
    private static readonly string[] SanitisedRegisters = ["ID_AA64PFR0_EL1", "ID_AA64DFR0_EL1", "ID_AA64MMFR0_EL1", "ID_AA64ISAR0_EL1", "ID_AA64MMFR2_EL1", "ID_ISAR5_EL1"];

    public static TheoryData<string, string> ModelsAndRegisters() => Pairs(SometimesPresentRegisters.Concat(AlwaysOrNeverPresentRegisters));

    public static TheoryData<string, string> ModelsAndInstructions() => Pairs(SometimesPresentInstructions);

    public static TheoryData<string, string, string> ModelsAndAliases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var model in CpuModels.All)
        {
            foreach (var (register, alias) in SometimesPresentAliases)
            {
                data.Add(model.Name, register, alias);
            }
        }

        return data;
    }

    public static TheoryData<string, string> ModelsAndSanitisedRegisters() => Pairs(SanitisedRegisters);

    [Fact]
    public void The_chosen_entries_are_present_on_some_models_and_absent_on_others()
    {
        foreach (var name in SometimesPresentRegisters)
        {
            Assert.True(Aarch64Registers.TryFind(name, out var register), name);
            Assert.Contains(CpuModels.All, model => model.Implements(register));
            Assert.Contains(CpuModels.All, model => !model.Implements(register));
        }

        Assert.Contains(CpuModels.All, model => !model.HasAarch32El1);
        Assert.Contains(CpuModels.All, model => model.HasAarch32El1);
    }

    [Theory]
    [MemberData(nameof(ModelsAndRegisters))]
    public void A_register_no_named_model_implements_is_a_warning_at_its_entry(string model, string name)
    {
        var catalogue = "version: 1\ncpus: [" + model + "]\nregisters:\n  - name: " + name + "\n    handling: raz-wi\n";
        Aarch64Registers.TryFind(name, out var register);
        var implemented = CpuModels.Find(model)!.Implements(register);

        var diagnostics = Load(catalogue);

        Assert.DoesNotContain(diagnostics, d => d.IsError);
        AssertAt(diagnostics, CatalogueRules.NotOnTheCpus, implemented ? null : (3, 10), "the register " + name + " is not implemented on " + model + " (");
    }

    [Theory]
    [MemberData(nameof(ModelsAndAliases))]
    public void An_aarch32_form_no_named_model_implements_is_a_warning_at_the_form(string model, string registerName, string alias)
    {
        var catalogue = "version: 1\ncpus: [" + model + "]\nregisters:\n  - name: " + registerName + "\n    handling: raz-wi\n    aarch32: [" + alias + "]\n";
        var cpu = CpuModels.Find(model)!;
        var formImplemented = Aarch32Registers.Named(alias).Any(cpu.Implements);

        var diagnostics = Load(catalogue).Where(d => d.Span.StartLine == 5).ToList();

        AssertAt(diagnostics, CatalogueRules.NotOnTheCpus, formImplemented ? null : (5, 14), "the AArch32 register " + alias + " (");
        if (!formImplemented)
        {
            Assert.Contains(cpu.HasAarch32El1 ? " (needs " : " (no AArch32 at EL1)", diagnostics.Single().Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ModelsAndInstructions))]
    public void An_instruction_no_named_model_implements_is_a_warning_at_its_entry(string model, string name)
    {
        var catalogue = "version: 1\ncpus: [" + model + "]\nregisters:\n  - { name: FAR_EL1, handling: passthrough, aarch32: [] }\ninstructions:\n  - { name: " + name + ", handling: ignore }\n";
        var cpu = CpuModels.Find(model)!;
        var implemented = SystemInstructions.TryFind(name, out var aarch64)
            ? cpu.Implements(aarch64)
            : Aarch32Registers.Named(name).Any(cpu.Implements);

        var diagnostics = Load(catalogue);

        Assert.DoesNotContain(diagnostics, d => d.IsError);
        AssertAt(diagnostics, CatalogueRules.NotOnTheCpus, implemented ? null : (5, 12), "the System instruction " + name + " is not implemented on " + model);
    }

    [Fact]
    public void One_named_model_that_has_the_register_is_enough_and_when_none_has_it_each_is_named()
    {
        var lacking = CpuModels.All.Where(m => !m.Has("FEAT_CCIDX")).Take(2).Select(m => m.Name).ToList();
        var having = CpuModels.All.First(m => m.Has("FEAT_CCIDX")).Name;

        var withOne = Load("version: 1\ncpus: [" + lacking[0] + ", " + having + "]\nregisters:\n  - { name: CCSIDR2_EL1, handling: raz-wi }\n");
        var withNone = Load("version: 1\ncpus: [" + lacking[0] + ", " + lacking[1] + "]\nregisters:\n  - { name: CCSIDR2_EL1, handling: raz-wi }\n");

        Assert.Empty(withOne);
        var warning = Assert.Single(withNone);
        Assert.Equal(
            "the register CCSIDR2_EL1 is not implemented on " + lacking[0] + " (needs FEAT_CCIDX) or " + lacking[1] + " (needs FEAT_CCIDX), so an access UNDEFs at EL1 before any trap and this entry never runs: remove it, or add a model that has it to cpus",
            warning.Message);
    }

    [Fact]
    public void The_aarch32_views_the_architecture_supplies_are_not_checked_but_written_ones_are()
    {
        var model = CpuModels.All.First(m => m.HasAarch32El1 && !m.Has("FEAT_AA32HPD")).Name;

        var supplied = Load("version: 1\ncpus: [" + model + "]\nregisters:\n  - { name: TCR_EL1, handling: passthrough }\n");
        const string Entry = "  - { name: TCR_EL1, handling: passthrough, aarch32: [TTBCR, TTBCR2] }";
        var written = Load("version: 1\ncpus: [" + model + "]\nregisters:\n" + Entry + "\n");

        Assert.Empty(supplied);
        var warning = Assert.Single(written);
        Assert.Equal((CatalogueRules.NotOnTheCpus.Id, 3, Entry.IndexOf("TTBCR2", StringComparison.Ordinal)), (warning.Rule.Id, warning.Span.StartLine, warning.Span.StartColumn));
        Assert.Contains("TTBCR2 (MCR p15, 0, c2, c0, 3) is not implemented on " + model + " (needs FEAT_AA32HPD)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implementation_defined_register_is_checked_against_the_models_own()
    {
        var a57 = CpuModels.Find("cortex-a57")!;
        var (encoding, _) = a57.ImplementationDefined[0];
        var lacking = CpuModels.All.First(m => !m.Implements(encoding)).Name;
        var entry = "registers:\n  - name: VENDOR_EL1\n    implementation_defined: true\n    encoding: { op0: " + encoding.Op0 + ", op1: " + encoding.Op1 + ", crn: " + encoding.CRn + ", crm: " + encoding.CRm + ", op2: " + encoding.Op2 + " }\n    width: 64\n    handling: raz-wi\n";

        var onA57 = Load("version: 1\ncpus: [cortex-a57]\n" + entry);
        var elsewhere = Load("version: 1\ncpus: [" + lacking + "]\n" + entry);

        Assert.Empty(onA57);
        var warning = Assert.Single(elsewhere);
        Assert.Equal((CatalogueRules.NotOnTheCpus.Id, 3, 10), (warning.Rule.Id, warning.Span.StartLine, warning.Span.StartColumn));
        Assert.Contains(lacking + " (no IMPLEMENTATION DEFINED register at " + encoding + ")", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModelsAndSanitisedRegisters))]
    public void A_sanitised_field_may_hide_what_the_model_has_but_not_show_more(string model, string register)
    {
        var cpu = CpuModels.Find(model)!;
        var hardware = cpu.ValueOf(register) ?? 0;
        foreach (var field in RegisterFields.Of(register))
        {
            var own = field.Extract(hardware);
            var signed = RegisterFields.IsSigned(register, field.Name);
            var hidden = signed ? field.MaxValue : 0;
            Assert.Empty(Load(Sanitised(model, register, field.Name, own)));
            Assert.Empty(Load(Sanitised(model, register, field.Name, hidden)));

            var more = signed ? (own == field.MaxValue ? 0UL : own + 1) : own + 1;
            if (more > field.MaxValue || (signed && more == 1UL << (field.Width - 1)))
            {
                continue;
            }

            var diagnostic = Assert.Single(Load(Sanitised(model, register, field.Name, more)));
            Assert.Equal((CatalogueRules.FieldAboveCpu.Id, 4, 16 + field.Name.Length), (diagnostic.Rule.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
            Assert.Contains(
                register + "." + field.Name + " = " + MessageArgument.FieldValue(more) + " advertises more than the hardware has on " + model + " (" + field.Name + " = " + MessageArgument.FieldValue(own) + ")",
                diagnostic.Message,
                StringComparison.Ordinal);
            Assert.Contains("give at most " + MessageArgument.FieldValue(own) + ",", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_signed_field_compares_as_signed_four_bit_numbers()
    {
        var model = CpuModels.All.First(m => RegisterFields.Find("ID_AA64PFR0_EL1", "FP")!.Extract(m.ValueOf("ID_AA64PFR0_EL1") ?? 0) == 0).Name;

        var hidden = Load(Sanitised(model, "ID_AA64PFR0_EL1", "FP", 0xF));
        var halfPrecision = Load(Sanitised(model, "ID_AA64PFR0_EL1", "FP", 1));
        var negativeButNotNone = Load(Sanitised(model, "ID_AA64PFR0_EL1", "FP", 0x8));

        Assert.Empty(hidden);
        Assert.Empty(negativeButNotNone);
        var error = Assert.Single(halfPrecision);
        Assert.Contains("FP is a signed field, where 0xF means not implemented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_named_model_must_hold_the_value_and_each_that_cannot_is_named()
    {
        var withSve = CpuModels.All.First(m => m.Has("FEAT_SVE")).Name;
        var withoutSve = CpuModels.All.Where(m => !m.Has("FEAT_SVE")).Take(2).Select(m => m.Name).ToList();

        var diagnostics = Load("version: 1\ncpus: [" + withSve + ", " + withoutSve[0] + ", " + withoutSve[1] + "]\nregisters:\n  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 1 }\n");

        var error = Assert.Single(diagnostics);
        Assert.Contains("on " + withoutSve[0] + " (SVE = 0) and " + withoutSve[1] + " (SVE = 0)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(withSve + " (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModelsAndFeaturedControls))]
    public void A_group_on_a_control_a_model_lacks_is_a_warning_unless_it_is_set_only_where_implemented(string model, string control)
    {
        var exists = TrapControls.Find(control)!.ExistsOn(CpuModels.Find(model)!);
        var group = "version: 1\ncpus: [" + model + "]\ntrap_groups:\n  - name: " + control + "\n    others: undefined\n";

        var always = Load(group + "registers: []\n");
        var ifImplemented = Load(group + "    if_implemented: true\nregisters: []\n");

        AssertAt(always, CatalogueRules.NotOnTheCpus, exists ? null : (3, 10), "The trap control " + control + " does not exist on " + model + " (");
        Assert.DoesNotContain(ifImplemented, d => d.Rule.Id == CatalogueRules.NotOnTheCpus.Id);
        Assert.DoesNotContain(always.Concat(ifImplemented), d => d.IsError);
    }

    /// <summary>Every model with a coarse control and a fine-grained one that some models have and others lack.</summary>
    public static TheoryData<string, string> ModelsAndFeaturedControls() =>
        Pairs(["HFGRTR_EL2.LORID_EL1", "HFGWTR_EL2.LORC_EL1", "HCR_EL2.API", "CPTR_EL2.TZ"]);

    [Fact]
    public void The_featured_controls_exist_on_some_models_and_not_on_others()
    {
        foreach (var name in ModelsAndFeaturedControls().Select(row => (string)row[1]).Distinct())
        {
            var control = TrapControls.Find(name);
            Assert.NotNull(control);
            Assert.Contains(CpuModels.All, control.ExistsOn);
            Assert.Contains(CpuModels.All, model => !control.ExistsOn(model));
        }
    }

    [Fact]
    public void Without_cpus_nothing_is_checked_against_a_model()
    {
        var diagnostics = Load("version: 1\nregisters:\n  - { name: CCSIDR2_EL1, handling: raz-wi }\n  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 1 }\ninstructions:\n  - { name: DC CVAP, handling: ignore }\n");

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("cpus: [cortex-a57, ‸cortex-a75]", "TG0034", "cpus: unknown CPU model 'cortex-a75'; did you mean cortex-a57, cortex-a35, cortex-a72 or cortex-a76? (trapgen list --cpus lists them); name one of TrapGen's models, or remove it")]
    [InlineData("cpus: ‸[]", "TG0034", "cpus lists no CPU model: name the models the catalogue is written for (cpus: [cortex-a57]; trapgen list --cpus lists them), or remove cpus to check against the architecture alone")]
    [InlineData("cpus: [cortex-a57, ‸Cortex-A57]", "TG0034", "cpus lists cortex-a57 twice; remove this one")]
    [InlineData("cpus: ‸cortex-a57", "TG0004", "Invalid value 'cortex-a57' for 'cpus': expected a list of CPU models, such as cpus: [cortex-a57, neoverse-n1] (trapgen list --cpus lists them)")]
    [InlineData("cpus: ‸{ model: cortex-a57 }", "TG0004", "Invalid value '(a mapping)' for 'cpus': expected a list of CPU models")]
    [InlineData("cpus: [‸[cortex-a57]]", "TG0004", "Invalid value '(a list)' for 'cpus': expected a CPU model's name, such as cortex-a57")]
    [InlineData("cpus: [cortex-a57, ‸\"\"]", "TG0004", "Invalid value '' for 'cpus': expected a CPU model's name")]
    [InlineData("cpus:‸\n", "TG0004", "Invalid value '' for 'cpus': expected a list of CPU models")]
    public void A_malformed_cpus_list_is_reported_where_it_is_wrong(string cpus, string id, string message)
    {
        var marker = cpus.IndexOf('‸', StringComparison.Ordinal);
        var catalogue = "version: 1\n" + cpus.Remove(marker, 1) + "\nregisters:\n  - { name: FAR_EL1, handling: passthrough }\n";

        var diagnostics = Load(catalogue);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((id, 1, marker), (diagnostic.Rule.Id, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.StartsWith(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_is_found_in_any_case_and_checked()
    {
        var diagnostics = Load("version: 1\ncpus: [Cortex-A57]\nregisters:\n  - { name: CCSIDR2_EL1, handling: raz-wi }\n");

        Assert.Equal(CatalogueRules.NotOnTheCpus.Id, Assert.Single(diagnostics).Rule.Id);
    }

    [Fact]
    public void The_shipped_catalogue_names_its_models_and_checks_clean_against_them()
    {
        var result = CatalogueLoader.Load(TestFiles.RealCatalogue);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["cortex-a57"], result.Catalogue!.Cpus.Select(c => c.Name));
    }

    private static TheoryData<string, string> Pairs(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var model in CpuModels.All)
        {
            foreach (var name in names)
            {
                data.Add(model.Name, name);
            }
        }

        return data;
    }

    private static string Sanitised(string model, string register, string field, ulong value) =>
        "version: 1\ncpus: [" + model + "]\nregisters:\n  - name: " + register + "\n    fields: { " + field + ": " + MessageArgument.FieldValue(value) + " }\n    handling: sanitised\n";

    private static List<CatalogueDiagnostic> Load(string catalogue) => [.. CatalogueLoader.Load(catalogue).Diagnostics];

    private static void AssertAt(IReadOnlyList<CatalogueDiagnostic> diagnostics, DiagnosticRule rule, (int Line, int Column)? at, string message)
    {
        var matching = diagnostics.Where(d => d.Rule.Id == rule.Id).ToList();
        if (at is not { } position)
        {
            Assert.Empty(matching);
            return;
        }

        var diagnostic = Assert.Single(matching);
        Assert.Equal(position, (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }
}

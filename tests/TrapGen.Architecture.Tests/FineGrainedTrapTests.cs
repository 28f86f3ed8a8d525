using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The fine-grained traps (FEAT_FGT, FEAT_FGT2) against the fields' own descriptions in the Arm ARM (DDI 0487 M.a.a,
/// ArmArm/fine-grained-fields.tsv): fine-grained-traps.table takes each field's accesses from the accessor
/// pseudocode, and <see cref="ArmArmTrapRuleTests"/> compares them there, in order; here every access a field traps
/// must be one its description names, and every EL0 or EL1 register or instruction the description says it traps,
/// that TrapGen's tables have, must be trapped by it. And the trap decision takes them: each field alone traps
/// exactly its accesses, in its direction.
/// </summary>
public sealed partial class FineGrainedTrapTests
{
    /// <summary>Where a description's words about what the field traps end: what follows is about other things.</summary>
    private static readonly string[] Cuts = ["The reset behavior", "Accessing this field", "Regardless", "Note ", "Unlike", " can also be", "Setting this field"];

    /// <summary>Names a description mentions, within its trap sentences, that are not accesses it traps, each with why.</summary>
    private static readonly Dictionary<string, string> NotTrapped = new(StringComparer.Ordinal)
    {
        ["HFGITR_EL2.nGCSSTR_EL1 UAO"] = "PSTATE.UAO, a condition of the GCSSTR trap, not the MSR UAO instruction",
    };

    /// <summary>Accesses a field traps that its description names in words the conversion garbled, each with how.</summary>
    private static readonly Dictionary<string, string> Garbled = new(StringComparer.Ordinal)
    {
        ["HFGITR_EL2.ICIVAU IC IVAU"] = "the conversion writes \"IC IV AU\"",
        ["HAFGRTR_EL2.AMCNTEN0 AMCNTENCLR0_EL0"] = "the conversion drops the index of AMCNTENCLR<x>_EL0, AMCNTENSET<x>_EL0",
        ["HAFGRTR_EL2.AMCNTEN0 AMCNTENSET0_EL0"] = "the conversion drops the index of AMCNTENCLR<x>_EL0, AMCNTENSET<x>_EL0",
        ["HAFGRTR_EL2.AMCNTEN1 AMCNTENCLR1_EL0"] = "the conversion drops the index of AMCNTENCLR<x>_EL0, AMCNTENSET<x>_EL0",
        ["HAFGRTR_EL2.AMCNTEN1 AMCNTENSET1_EL0"] = "the conversion drops the index of AMCNTENCLR<x>_EL0, AMCNTENSET<x>_EL0",
    };

    /// <summary>Accesses the pseudocode traps with a field whose description's list leaves them out, each with why.</summary>
    private static readonly Dictionary<string, string> Unlisted = new(StringComparer.Ordinal)
    {
        ["HDFGRTR_EL2.TRC TRCITEEDCR"] = "TRCITEEDCR's accessor (D24.4.50, FEAT_ITE) checks HDFGRTR_EL2.TRC, but TRC's list of trace registers predates FEAT_ITE",
        ["HDFGWTR_EL2.TRC TRCITEEDCR"] = "TRCITEEDCR's accessor (D24.4.50, FEAT_ITE) checks HDFGWTR_EL2.TRC, but TRC's list of trace registers predates FEAT_ITE",
    };

    private static readonly Lazy<IReadOnlyList<(string Register, string Field, int Bit, string Text)>> Fields = new(LoadFields);

    [Fact]
    public void Every_field_of_the_descriptions_is_a_row_with_its_bit_and_polarity()
    {
        var described = Fields.Value.Select(f => (f.Register, f.Field, f.Bit)).ToList();
        var rows = FineGrainedTraps.All.Select(c => (c.Register, Field: c.Name, c.Bit)).ToList();

        Assert.True(described.Count > 350, described.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(described.Order(), rows.Order());
        Assert.All(FineGrainedTraps.All, c => Assert.Equal(!NegatedName().IsMatch(c.Name), c.TrapsWhenSet));
        Assert.All(FineGrainedTraps.All.GroupBy(c => c.Register), g => Assert.Equal(g.Count(), g.Select(c => c.Bit).Distinct().Count()));
    }

    [Fact]
    public void Every_access_a_field_traps_is_one_its_description_names()
    {
        var unnamed = (from field in FineGrainedTraps.All
                       from access in Accesses(field)
                       where !Names(DescriptionOf(field), access.Name)
                       select field.QualifiedName + " " + access.Name).ToList();

        var known = Garbled.Keys.Concat(Unlisted.Keys).ToList();
        Assert.True(unnamed.Except(known).ToList() is [], "the description does not name them: " + string.Join("; ", unnamed.Except(known)));
        Assert.Equal(known.Order(StringComparer.Ordinal), unnamed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_access_a_description_says_its_field_traps_is_trapped_by_it()
    {
        var names = Aarch64Registers.All.Where(r => r.ExceptionLevel < 2).Select(r => r.Name)
            .Concat(SystemInstructions.All.Where(i => i.ExceptionLevel < 2).Select(i => i.FullName)).ToList();
        var missing = new List<string>();
        foreach (var field in FineGrainedTraps.All)
        {
            var text = DescriptionOf(field);
            var trapped = Accesses(field).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(names.Where(n => !trapped.Contains(n) && Names(text, n) && !NotTrapped.ContainsKey(field.QualifiedName + " " + n))
                .Select(n => field.QualifiedName + ": " + n));
        }

        var stale = NotTrapped.Keys.Where(k => !Names(DescriptionOf(FineGrainedTraps.All.Single(c => c.QualifiedName == k.Split(' ')[0])), k[(k.IndexOf(' ') + 1)..])).ToList();

        Assert.True(missing.Count == 0, "named as trapped, but the table's field does not trap them: " + string.Join("; ", missing));
        Assert.Empty(stale);
    }

    [Fact]
    public void Each_field_alone_traps_exactly_its_accesses_in_its_direction()
    {
        var decisions = 0;
        foreach (var field in FineGrainedTraps.All)
        {
            var index = FineGrainedTraps.IndexOf(field.Register);
            var controls = Quiet();
            var active = controls with { FineGrained = controls.FineGrained.With(index, controls.FineGrained[index] ^ field.Mask) };
            foreach (var (name, key, direction, qualifier) in Accesses(field))
            {
                var isRead = direction == AccessDirection.Read;
                Assert.Null(ArchitecturalTraps.TrappingControl(controls, TrapClasses.Msr, key, isRead));

                // A qualified access (an nXS TLBI) traps only while its qualifier lets it: HCRX_EL2.FGTnXS 0, not 1 (Quiet's).
                var lets = qualifier is null ? active : active.With(qualifier.Register, active.ValueOf(qualifier.Register) & ~qualifier.Mask);
                Assert.Equal(field, ArchitecturalTraps.TrappingControl(lets, TrapClasses.Msr, key, isRead));
                Assert.NotEqual(field, ArchitecturalTraps.TrappingControl(lets, TrapClasses.Msr, key, !isRead));
                if (qualifier is not null)
                {
                    Assert.True(ArchitecturalTraps.TrappingControl(active, TrapClasses.Msr, key, isRead) is null, name + " trapped with " + qualifier.QualifiedName + " set");
                }

                decisions++;
            }
        }

        Assert.True(decisions > 500, decisions.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void On_a_cpu_without_the_feature_the_registers_are_res0_and_trap_nothing()
    {
        var model = CpuModels.Find("max")!;
        Assert.False(model.Satisfies("FEAT_FGT"));
        var everything = Quiet();
        for (var i = 0; i < FineGrainedTraps.Registers.Count; i++)
        {
            everything = everything with { FineGrained = everything.FineGrained.With(i, ~Quiet().FineGrained[i]) };
        }

        var trapped = (from field in FineGrainedTraps.All
                       from access in Accesses(field)
                       let control = ArchitecturalTraps.TrappingControl(everything, TrapClasses.Msr, access.Key, access.Direction == AccessDirection.Read, model)
                       where control is not null && FineGrainedTraps.All.Contains(control)
                       select access.Name).ToList();

        Assert.Empty(trapped);
    }

    [Fact]
    public void A_field_that_traps_while_clear_traps_after_reset_and_setting_it_gives_the_access_back()
    {
        // HFGRTR_EL2.nTPIDR2_EL0, bit 55 (FEAT_SME): "0b0: MRS reads of TPIDR2_EL0 at EL1 and EL0 using AArch64 are trapped".
        var field = FineGrainedTraps.All.Single(c => c.QualifiedName == "HFGRTR_EL2.nTPIDR2_EL0");
        var key = Aarch64Registers.All.Single(r => r.Name == "TPIDR2_EL0").Encoding.Key;
        var reset = Quiet() with { FineGrained = default };

        Assert.Equal((55, false), (field.Bit, field.TrapsWhenSet));
        Assert.Equal(field, ArchitecturalTraps.TrappingControl(reset, TrapClasses.Msr, key, isRead: true));
        Assert.Null(ArchitecturalTraps.TrappingControl(reset with { FineGrained = reset.FineGrained.With(0, 1UL << 55) }, TrapClasses.Msr, key, isRead: true));
    }

    [Fact]
    public void A_coarse_control_and_a_fine_grained_one_trap_in_the_pseudocodes_order()
    {
        // SCTLR_EL1's MSR pseudocode (D24.2.175) checks HCR_EL2.TVM, then HFGWTR_EL2.SCTLR_EL1; MDSCR_EL1's (D24.3.20)
        // HDFGWTR_EL2.MDSCR_EL1, then MDCR_EL2.TDA.
        var sctlr = Aarch64Registers.All.Single(r => r.Name == "SCTLR_EL1");
        var mdscr = Aarch64Registers.All.Single(r => r.Name == "MDSCR_EL1");

        Assert.Equal(["HCR_EL2.TVM", "HFGWTR_EL2.SCTLR_EL1"], sctlr.Traps.Where(t => t.Covers(AccessDirection.Write)).Select(t => t.Control.QualifiedName));
        Assert.Equal(["HDFGWTR_EL2.MDSCR_EL1", "MDCR_EL2.TDA"], mdscr.Traps.Where(t => t.Covers(AccessDirection.Write)).Select(t => t.Control.QualifiedName));
    }

    /// <summary>Every trap control value with nothing trapping: each field and control that traps while clear is set.</summary>
    internal static TrapControlRegisters Quiet()
    {
        var controls = new TrapControlRegisters(0, 0, 0, 0);
        foreach (var control in TrapControls.All.Concat(FineGrainedTraps.All).Where(c => !c.TrapsWhenSet))
        {
            controls = controls.With(control.Register, controls.ValueOf(control.Register) | control.Mask);
        }

        // CNTHCTL_EL2.EL1PCTEN and EL1PCEN trap while clear; MDCR_EL2.E2PB and E2TB while their low bit is 0.
        return controls;
    }

    /// <summary>The accesses <paramref name="field"/>'s rules reach: registers and instructions of the tables, with their keys.</summary>
    private static IEnumerable<(string Name, uint Key, AccessDirection Direction, TrapControl? Qualifier)> Accesses(TrapControl field) =>
        Aarch64Registers.All.SelectMany(r => r.Traps.Where(t => t.Control == field).Select(t => (r.Name, r.Encoding.Key, t.Direction, t.Qualifier)))
            .Concat(SystemInstructions.All.SelectMany(i => i.Traps.Where(t => t.Control == field).Select(t => (i.FullName, i.Encoding.Key, t.Direction, t.Qualifier))));

    private static string DescriptionOf(TrapControl field)
    {
        var text = Fields.Value.Single(f => f.Register == field.Register && f.Field == field.Name).Text;
        foreach (var cut in Cuts)
        {
            var at = text.IndexOf(cut, StringComparison.Ordinal);
            text = at < 0 ? text : text[..at];
        }

        return text;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names <paramref name="access"/>: as written (TLBI VAE1), without its space (DCZVA),
    /// or as an indexed name (DBGBVR&lt;n&gt;_EL1 names DBGBVR5_EL1; TRCIDR&lt;n&gt; TRCIDR2).
    /// </summary>
    private static bool Names(string text, string access)
    {
        var compact = access.Replace(" ", string.Empty, StringComparison.Ordinal);
        var words = WordsOf.GetOrAdd(text, t => Word().Matches(t).Select(m => m.Value).Distinct().ToList());
        return words.Any(word => string.Equals(word, compact, StringComparison.OrdinalIgnoreCase) || (word.Contains('<', StringComparison.Ordinal) && IndexedWord(word).IsMatch(compact)))
            || (access.Contains(' ', StringComparison.Ordinal) && text.Contains(access, StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(text, "(?<![A-Za-z0-9_])" + Regex.Escape(access) + "(?![A-Za-z0-9_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> WordsOf = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> IndexedWords = new(StringComparer.Ordinal);

    /// <summary>An indexed name of a description as a pattern: DBGBVR&lt;n&gt;_EL1 matches DBGBVR0_EL1 to DBGBVR15_EL1.</summary>
    private static Regex IndexedWord(string word) => IndexedWords.GetOrAdd(word, w =>
        new Regex("^" + Placeholder().Replace(Regex.Escape(w).Replace(@"\<", "<", StringComparison.Ordinal), "[0-9]+") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    private static List<(string Register, string Field, int Bit, string Text)> LoadFields()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ArmArm", "fine-grained-fields.tsv");
        return File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('\t'))
            .Select(cells => (cells[0], cells[1], int.Parse(cells[2], CultureInfo.InvariantCulture), cells[3])).ToList();
    }

    [GeneratedRegex("^n[A-Z]")]
    private static partial Regex NegatedName();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_<>]*")]
    private static partial Regex Word();

    [GeneratedRegex("<[a-z]>")]
    private static partial Regex Placeholder();
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The tables' trap rules against the Arm ARM's own accessor pseudocode (DDI 0487 M.a.a): for every row of
/// aarch64-registers.table, aarch64-instructions.table and aarch32-registers.table whose register or instruction
/// ArmArm/el1-traps.tsv has (written by tools/architecture/extract-el1-traps.py from the manual), the controls of
/// trap-controls.table that its reads and its writes trap must be the ones the <c>PSTATE.EL == EL1</c> branch
/// checks, in its order, with its polarity. Every other EL2 control the pseudocode names is in
/// <see cref="NotModelled"/>; every difference left is in <see cref="Exceptions"/>, and each must still occur.
/// </summary>
public sealed partial class ArmArmTrapRuleTests(ITestOutputHelper output)
{
    /// <summary>
    /// The EL2 controls the pseudocode checks that trap-controls.table does not model (yet), by register and field
    /// (<c>*</c>: every field), each with why. A control added to trap-controls.table must leave this list, and
    /// then its rules are compared: adding the control without its rules fails.
    /// </summary>
    private static readonly Dictionary<string, string> NotModelled = new(StringComparer.Ordinal)
    {
        ["HCR_EL2.E2H"] = "a qualifier, not a control: TrapGen models HCR_EL2.E2H = 0; conditions that need E2H = 1 are dropped",
        ["CNTHCTL_EL2.EL1PTEN"] = "the E2H = 1 position of the physical timer trap: TrapGen models E2H = 0",
        ["CPTR_EL2.FPEN"] = "CPTR_EL2.FPEN, the HCR_EL2.E2H = 1 form of TFP: TrapGen models E2H = 0",
        ["CPTR_EL2.ZEN"] = "CPTR_EL2.ZEN, the HCR_EL2.E2H = 1 form of TZ: TrapGen models E2H = 0",
        ["CPTR_EL2.SMEN"] = "CPTR_EL2.SMEN, the HCR_EL2.E2H = 1 form of TSM: TrapGen models E2H = 0",
    };

    /// <summary>
    /// The differences between a row and the pseudocode that stay, by row, direction and section, each with why.
    /// Each must still occur: an exception the tables or the extraction no longer need fails.
    /// </summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["ALLINT:w C5.2.1"] = "the conversion separated MSR ALLINT's EL1 condition (if EL2Enabled() && IsHCRXEL2Enabled() && HCRX_EL2.TALLINT == '1') from its trap, so the extraction reads the trap as unconditional; D24.2.63 HCRX_EL2.TALLINT says the same as the table",
        ["CPACR_EL1:w D24.2.36"] = "the conversion lost the accessor line of MSR CPACRALIAS_EL1 (FEAT_SRMASK, newer than the tables), and the extraction named it after the register it writes",
        ["HRMR:r G8.2.72"] = HstrBeforeUndefined,
        ["HRMR:w G8.2.72"] = HstrBeforeUndefined,
        ["RMR:r G8.2.124"] = HstrBeforeUndefined,
        ["RMR:w G8.2.124"] = HstrBeforeUndefined,
        ["CONTEXTIDR_EL2:r D24.2.35"] = "the conversion lost the EL1 branch's condition (\"elsif PSTATE.EL == EL1 then else UNDEFINED\"); the write's, in the same section, is EffectiveHCR_EL2_NVx() IN {'xx1'}, HCR_EL2.NV",
        ["SP_EL1:r C5.2.15"] = "the conversion lost the set of the EL1 branch's test (\"elsif EffectiveHCR_EL2_NVx() IN AArch64.SystemAccessTrap(EL2, 0x18)\"); the write's, in the same section, is IN {'xx1'}, HCR_EL2.NV",
        ["SDER32_EL2:r D24.3.29"] = "Secure-only (FEAT_SEL2): at Non-secure EL1, TrapGen's guest, the pseudocode's \"if !IsCurrentSecurityState(SS_Secure) then UNDEFINED\" comes before HCR_EL2.NV, which the extraction drops as a guard; the table writes !NV",
        ["SDER:r G8.3.36"] = "Secure-only (the table's el 3): at Non-secure EL1, TrapGen's guest, the pseudocode is UNDEFINED before MDCR_EL2.TDA",
        ["SDER:w G8.3.36"] = "Secure-only (the table's el 3): at Non-secure EL1, TrapGen's guest, the pseudocode is UNDEFINED before MDCR_EL2.TDA",
    };

    /// <summary>Why HSTR_EL2.T12 traps an access whose accessor's EL1 branch is UNDEFINED (an EL2 or EL3 register).</summary>
    private const string HstrBeforeUndefined = "the accessor's EL1 branch is UNDEFINED, but every cp15 MCR/MRC/MCRR/MRRC first runs AArch64.CheckCP15InstrCoarseTraps (J1.1.2.39), whose HSTR_EL2<CRn/CRm> trap comes before any accessor";

    private static readonly Lazy<IReadOnlyList<Accessor>> Accessors = new(Load);

    /// <summary>The pseudocode's EL1 traps of one accessor: a row of el1-traps.tsv.</summary>
    private sealed record Accessor(string Section, string Name, Regex Pattern, string Form, AccessDirection Direction, IReadOnlyList<IReadOnlyList<string>> Conditions, bool Complete);

    /// <summary>One trap-controls.table control a condition checks, with the polarity and forcing bit it names.</summary>
    /// <remarks>
    /// <paramref name="Qualifier"/>: a qualifier of trap-controls.table (HCRX_EL2.FGTnXS) that the same condition tests, which
    /// the table writes as the rule's <see cref="TrapRule.Qualifier"/>, not as a rule of its own. <paramref name="Nvx"/>: the
    /// HCR_EL2.&lt;NV2,NV1,NV&gt; the condition needs besides (101, 1x1), which the table writes as the rule's <see cref="TrapRule.Nvx"/>.
    /// </remarks>
    private sealed record Check(string Register, string Field, bool Set, string? ForcedBy, string? Qualifier = null, string? Nvx = null)
    {
        public override string ToString() => Field + (Nvx is null ? string.Empty : "@" + Nvx) + (Set ? "=set" : "=clear") + (ForcedBy is null ? string.Empty : "/" + ForcedBy) + (Qualifier is null ? string.Empty : " [" + Qualifier + "]");
    }

    [Fact]
    public void The_data_file_was_extracted_from_the_arm_arm()
    {
        Assert.True(Accessors.Value.Count > 1500, Accessors.Value.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(Accessors.Value, a => a.Name == "SCTLR_EL1" && a.Direction == AccessDirection.Write && a.Conditions[0].SequenceEqual(["HCR_EL2.TVM=set"]));
        Assert.Contains(Accessors.Value, a => a.Name == "DBGBVR<m>_EL1" && a.Conditions.Any(c => c.SequenceEqual(["MDCR_EL2.TDA=set/TDE"])));
    }

    [Fact]
    public void Every_control_the_pseudocode_checks_is_modelled_or_listed_as_not_modelled()
    {
        var unknown = Accessors.Value.Where(a => a.Complete)
            .SelectMany(a => a.Conditions.SelectMany(c => c).Select(t => (Key: KeyOf(t), a.Name)))
            .Where(t => t.Key is not null && Modelled(t.Key) is null && !IsNotModelled(t.Key))
            .GroupBy(t => t.Key!, t => t.Name)
            .Select(g => g.Key + " (" + string.Join(", ", g.Distinct().Take(3)) + ")")
            .ToList();

        var unread = Accessors.Value.Where(a => a.Complete).SelectMany(a => a.Conditions.SelectMany(c => c))
            .Where(t => KeyOf(t) is { } key && Modelled(key) is { } control && !TermPattern().IsMatch(t) && !(control.IsCounterLimit && CounterTermPattern().IsMatch(t)) && NestedVirtualisationCheck(t) is null && !NeedsNv2(t)).Distinct().ToList();

        Assert.True(unknown.Count == 0, "controls neither in trap-controls.table nor in NotModelled: " + string.Join("; ", unknown));
        Assert.True(unread.Count == 0, "tests of a modelled control that are neither == '1' nor == '0': " + string.Join("; ", unread));
    }

    [Fact]
    public void No_control_is_both_modelled_and_listed_as_not_modelled_and_each_listed_one_occurs()
    {
        var both = NotModelled.Keys.Where(k => TrapControls.All.Concat(FineGrainedTraps.All).Any(c => k == c.Register + ".*" || k == c.Register + "." + c.Name)).ToList();
        var keys = Accessors.Value.SelectMany(a => a.Conditions.SelectMany(c => c)).Select(KeyOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unused = NotModelled.Keys.Where(k => !keys.Any(key => Matches(k, key))).ToList();

        Assert.True(both.Count == 0, "in trap-controls.table, so their rules must be compared: remove from NotModelled: " + string.Join(", ", both));
        Assert.True(unused.Count == 0, "no pseudocode names them: remove from NotModelled: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_table_row_the_pseudocode_has_traps_as_it_does()
    {
        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var compared = 0;
        var rows = 0;
        var withRules = 0;
        foreach (var (name, otherNames, aarch32, pair, rules, allows) in Rows())
        {
            var before = compared;
            foreach (var direction in new[] { AccessDirection.Read, AccessDirection.Write })
            {
                if (!allows(direction))
                {
                    continue;
                }

                var accessors = Accessors.Value.Where(a => a.Complete && a.Direction == direction && Names(a, name, otherNames) && FormMatches(a, aarch32, pair)).ToList();
                if (accessors.Count == 0)
                {
                    continue;
                }

                compared++;
                var covering = rules.Where(r => RegisterAccessRules.Covers(r.Direction, direction)).ToList();
                var table = covering.Select(r => r.Control).ToList();
                foreach (var accessor in accessors)
                {
                    var checks = ChecksOf(accessor, name);
                    var same = checks.Select(c => c.Register + "." + c.Field).SequenceEqual(table.Select(c => c.Register + "." + c.Name))
                        && checks.Zip(table).All(p => p.First.Set == p.Second.TrapsWhenSet && (p.First.ForcedBy is not null) == (p.Second.ForcedBy is not null))
                        && checks.Select(c => c.Qualifier).SequenceEqual(covering.Select(r => r.Qualifier?.QualifiedName))
                        && checks.Select(c => c.Nvx).SequenceEqual(covering.Select(r => r.Nvx?.Pattern()));
                    if (!same)
                    {
                        differences[name + ":" + (direction == AccessDirection.Read ? "r" : "w") + " " + accessor.Section] =
                            "table [" + string.Join(",", covering.Select(r => r.Control.Name + (r.Nvx is { } nvx ? "@" + nvx.Pattern() : string.Empty) + (r.Control.TrapsWhenSet ? "=set" : "=clear") + (r.Qualifier is null ? string.Empty : " [" + r.Qualifier.QualifiedName + "]"))) + "] pseudocode [" + string.Join(",", checks) + "]";
                    }
                }
            }

            if (compared > before)
            {
                rows++;
                withRules += rules.Count > 0 ? 1 : 0;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Accessors.Value.Count} accessors from {Accessors.Value.Select(a => a.Section).Distinct().Count()} sections ({Accessors.Value.Count(a => !a.Complete)} truncated by the conversion)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} table rows compared ({withRules} with trap rules), {compared} row directions, {compared - differences.Keys.Select(k => k[..k.LastIndexOf(' ')]).Distinct().Count()} agree; {differences.Count} differences by section, {Exceptions.Count} exceptions"));

        var unexplained = differences.Where(d => !Exceptions.ContainsKey(d.Key)).Select(d => d.Key + ": " + d.Value).ToList();
        var stale = Exceptions.Keys.Where(k => !differences.ContainsKey(k)).ToList();

        Assert.True(compared > 1000, compared.ToString(CultureInfo.InvariantCulture));
        Assert.True(unexplained.Count == 0, unexplained.Count.ToString(CultureInfo.InvariantCulture) + " of " + compared.ToString(CultureInfo.InvariantCulture) + " differ from the Arm ARM:\n" + string.Join("\n", unexplained));
        Assert.True(stale.Count == 0, "exceptions no longer needed: " + string.Join(", ", stale));
    }

    /// <summary>
    /// The controls of trap-controls.table and fine-grained-traps.table that an accessor's EL1 branch checks, in order,
    /// for the table row <paramref name="row"/>: an indexed term (HAFGRTR_EL2.AMEVCNTR0&lt;n&gt; for AMEVCNTR0&lt;n&gt;_EL0)
    /// is the field of the row's own index, named as the row is.
    /// </summary>
    private static List<Check> ChecksOf(Accessor accessor, string row)
    {
        var checks = new List<Check>();
        foreach (var condition in accessor.Conditions)
        {
            // TrapGen models HCR_EL2.E2H = 0: a condition that needs E2H = 1 never holds. One that needs NV2 = 1 (a test of
            // HCR_EL2.<NV2,NV1,NV> for 101 or 1x1) is a rule of that control with its nvx (EL1NVPCT@101).
            if (condition.Contains("HCR_EL2.E2H=set") && !condition.Contains("HCR_EL2.E2H=clear"))
            {
                continue;
            }

            var nvx = condition.FirstOrDefault(NeedsNv2) is { } nv2Term ? nv2Term[(nv2Term.IndexOf('\'', StringComparison.Ordinal) + 1)..nv2Term.LastIndexOf('\'')] : null;

            // EffectiveHCR_EL2_NVx() (<NV2,NV1,NV>) IN {'xx1'} is HCR_EL2.NV's trap, == '011' NV1's (which traps only with NV set
            // and NV2 clear: trap-controls.table's "&42!45").
            if (condition.Select(NestedVirtualisationCheck).OfType<Check>().FirstOrDefault() is { } nested)
            {
                if (!checks.Contains(nested))
                {
                    checks.Add(nested);
                }

                continue;
            }

            // A qualifier (HCRX_EL2.FGTnXS=clear) joins the condition's other controls: no check of its own.
            var qualifier = condition.Select(t => TermPattern().IsMatch(t) ? Modelled(KeyOf(t)!) : null).FirstOrDefault(c => c is { IsQualifier: true });
            foreach (var term in condition)
            {
                if (IndexedTermPattern().Match(term) is { Success: true } indexed)
                {
                    var field = FineGrainedTraps.Of(indexed.Groups["register"].Value).FirstOrDefault(c => c.Name == row)
                        ?? throw new InvalidOperationException(term + " of " + row + ": fine-grained-traps.table has no field " + indexed.Groups["register"].Value + "." + row);
                    checks.Add(new Check(field.Register, field.Name, Set: true, ForcedBy: null));
                    continue;
                }

                // An event counter limit: GetNumEventCountersAccessible(), MDCR_EL2.HPMN?n>=HPMN (the rule's counter is LimitCounterTests').
                if (CounterTermPattern().IsMatch(term) && Modelled(KeyOf(term)!) is { IsCounterLimit: true } limit)
                {
                    checks.Add(new Check(limit.Register, limit.Name, limit.TrapsWhenSet, ForcedBy: null, qualifier?.QualifiedName));
                    continue;
                }

                var match = TermPattern().Match(term);
                if (!match.Success || Modelled(KeyOf(term)!) is not { } control || control.IsQualifier)
                {
                    continue;
                }

                var check = new Check(control.Register, control.Name, match.Groups["value"].Value == "set", match.Groups["forced"].Success ? match.Groups["forced"].Value : null, qualifier?.QualifiedName, nvx);
                if (!checks.Contains(check))
                {
                    checks.Add(check);
                }
            }
        }

        return checks;
    }

    /// <summary>How the extraction writes a test of EffectiveHCR_EL2_NVx(), HCR_EL2.&lt;NV2,NV1,NV&gt;.</summary>
    private const string NvxTerm = "HCR_EL2.NVx?";

    /// <summary>
    /// The control a test of HCR_EL2.&lt;NV2,NV1,NV&gt; alone is: <c>IN{'xx1'}</c> is NV set, <c>=='011'</c> NV1 set (with NV,
    /// and NV2 clear); null for another term, or one that needs NV2 = 1 (<c>IN{'1x1'}</c>, <c>=='101'</c>), which is the nvx of
    /// the condition's other control (CNTHCTL_EL2.EL1NVPCT@101).
    /// </summary>
    private static Check? NestedVirtualisationCheck(string term) => term switch
    {
        NvxTerm + "IN{'xx1'}" => new Check(HcrEl2.Name, TrapControls.NV.Name, Set: true, ForcedBy: null),
        NvxTerm + "=='011'" => new Check(HcrEl2.Name, TrapControls.NV1.Name, Set: true, ForcedBy: null),
        _ => null,
    };

    /// <summary>Whether a term tests HCR_EL2.&lt;NV2,NV1,NV&gt; for NV2 = 1 (<c>IN{'1x1'}</c>, <c>=='101'</c>, <c>=='111'</c>).</summary>
    private static bool NeedsNv2(string term) => term is NvxTerm + "IN{'1x1'}" or NvxTerm + "=='101'" or NvxTerm + "=='111'";

    /// <summary>Every table row: its name, other names, AArch32 encoding (or null), rules and allowed directions.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<string> OtherNames, Aarch32Encoding? Aarch32, bool Pair, IReadOnlyList<TrapRule> Rules, Func<AccessDirection, bool> Allows)> Rows()
    {
        foreach (var r in Aarch64Registers.All)
        {
            yield return (r.Name, r.OtherNames, null, false, r.Traps, r.Allows);
        }

        foreach (var r in Aarch64Registers128.All)
        {
            yield return (r.Name, r.Register.OtherNames, null, true, r.Traps, r.Register.Allows);
        }

        foreach (var i in SystemInstructions128.All)
        {
            yield return (i.Name, [], null, true, i.Traps, d => d == AccessDirection.Write);
        }

        foreach (var i in SystemInstructions.All)
        {
            yield return (i.FullName, [], null, false, i.Traps, d => d == AccessDirection.Write);
        }

        foreach (var r in Aarch32Registers.All)
        {
            yield return (r.Name, r.OtherNames, r.Encoding, false, r.Traps, r.Allows);
        }
    }

    private static bool Names(Accessor accessor, string name, IReadOnlyList<string> otherNames) =>
        accessor.Pattern.IsMatch(name) || otherNames.Any(accessor.Pattern.IsMatch);

    /// <summary>
    /// Whether an accessor is of the row's kind: MRS/MSR/SYS for AArch64, MRRS/MSRR for a 128-bit accessor (<paramref name="pair"/>),
    /// the row's MRC/MCR or MRRC/MCRR coordinates for AArch32.
    /// </summary>
    private static bool FormMatches(Accessor accessor, Aarch32Encoding? encoding, bool pair)
    {
        var op = accessor.Form.Split(' ')[0].TrimEnd('?');
        if (encoding is null)
        {
            return op is "MRRS" or "MSRR" or "TLBIP" ? pair : !pair && op is not ("MRC" or "MCR" or "MRRC" or "MCRR" or "VMRS" or "VMSR");
        }

        var form = op switch
        {
            "MRC" or "MCR" or "VMRS" or "VMSR" => AccessForm.Mcr,
            "MRRC" or "MCRR" => AccessForm.Mcrr,
            _ => (AccessForm?)null,
        };
        if (form != encoding.Form)
        {
            return false;
        }

        var at = accessor.Form.Split(' ');
        return at.Length switch
        {
            6 => at[1] == "p" + encoding.Coprocessor.ToString(CultureInfo.InvariantCulture) && at[2] == encoding.Opc1.ToString(CultureInfo.InvariantCulture)
                && at[3] == "c" + encoding.CRn.ToString(CultureInfo.InvariantCulture) && at[4] == "c" + encoding.CRm.ToString(CultureInfo.InvariantCulture)
                && at[5] == encoding.Opc2.ToString(CultureInfo.InvariantCulture),
            4 => at[1] == "p" + encoding.Coprocessor.ToString(CultureInfo.InvariantCulture) && at[2] == encoding.Opc1.ToString(CultureInfo.InvariantCulture)
                && at[3] == "c" + encoding.CRm.ToString(CultureInfo.InvariantCulture),
            _ => true,
        };
    }

    /// <summary>The register and field a term tests (<c>MDCR_EL2.TDA</c>), or null for a term of no register ("-").</summary>
    private static string? KeyOf(string term)
    {
        if (IndexedTermPattern().IsMatch(term))
        {
            // Compared field by field in ChecksOf: the row says which index.
            return null;
        }

        var match = KeyPattern().Match(term.TrimStart('!'));
        return match.Success ? match.Groups["key"].Value : null;
    }

    private static TrapControl? Modelled(string key) =>
        TrapControls.All.Concat(FineGrainedTraps.All).FirstOrDefault(c => (Aliases.TryGetValue(key, out var name) ? name : key) == c.Register + "." + c.Name);

    /// <summary>Other names the pseudocode gives a control of trap-controls.table.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        // HCR_EL2 bit 23 is TPCP when FEAT_DPB is implemented (it then traps the Point of Persistence too), TPC otherwise.
        ["HCR_EL2.TPCP"] = "HCR_EL2.TPC",

        // EffectiveHCR_EL2_NVx(), HCR_EL2.<NV2,NV1,NV>: read as NV's or NV1's check by NestedVirtualisationCheck.
        [NvxTerm[..^1]] = "HCR_EL2.NV",
    };

    private static bool IsNotModelled(string key) => NotModelled.Keys.Any(k => Matches(k, key));

    private static bool Matches(string listed, string key) =>
        listed.EndsWith(".*", StringComparison.Ordinal) ? key.StartsWith(listed[..^1], StringComparison.Ordinal) : listed == key;

    private static List<Accessor> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ArmArm", "el1-traps.tsv");
        var accessors = new List<Accessor>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            Assert.Equal(6, cells.Length);
            var pattern = new Regex("^" + PlaceholderPattern().Replace(Regex.Escape(cells[1]), "[0-9]+") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var conditions = cells[4] is "-" or "!" ? [] : cells[4].Split(" ; ").Select(c => (IReadOnlyList<string>)c.Split(" & ")).ToList();
            accessors.Add(new Accessor(cells[0], cells[1], pattern, cells[2], cells[3] == "r" ? AccessDirection.Read : AccessDirection.Write, conditions, cells[5] == "complete"));
        }

        return accessors;
    }

    [GeneratedRegex("<[a-z]>")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^(?<key>[A-Z][A-Z0-9_]*_EL2\.(?:<[A-Za-z0-9,]+>|[A-Za-z0-9_]+))")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*_EL2\.[A-Za-z0-9_]+=(?<value>set|clear)(?:/(?<forced>[A-Za-z0-9]+))?$")]
    private static partial Regex TermPattern();

    /// <summary>An event counter limit's test as the extraction writes it: <c>MDCR_EL2.HPMN?n&gt;=HPMN</c> (the access's counter n is at or above it).</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*_EL2\.[A-Za-z0-9_]+\?n>=[A-Za-z0-9_]+$")]
    private static partial Regex CounterTermPattern();

    /// <summary>HAFGRTR_EL2's array fields as the extraction writes them: <c>HAFGRTR_EL2.AMEVCNTR0?&lt;m</c> (the field of index n is set).</summary>
    [GeneratedRegex(@"^(?<register>HAFGRTR_EL2)\.(?<field>AMEV[A-Z0-9]+)\?<m$")]
    private static partial Regex IndexedTermPattern();
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Trap groups against HCR_EL2's facts. A group is its bit: the architectural control it names, or the
/// one at its hcr_bit. Checks the bit (TG0018), one group per bit, every membership's group and
/// direction (TG0014, TG0018), and that a group lists everything its bit traps or says what happens to
/// the others (TG0017: one diagnostic per group, not one per register).
/// </summary>
internal sealed class TrapGroupValidator(DiagnosticBag diagnostics)
{
    /// <summary>How many unlisted accesses TG0017 names before "and N more".</summary>
    private const int NamedInMessage = 5;

    /// <summary>
    /// Runs the checks. Completeness and "declared but not used" need the whole catalogue, so they are
    /// skipped when the parser had to drop entries: a dropped entry may have been the missing member or
    /// the user.
    /// </summary>
    public void Validate(RegisterCatalogue catalogue, bool parsedCompletely)
    {
        // Duplicate names are TG0007 (NameValidator); the first declaration is the one memberships refer to.
        var declared = new Dictionary<string, TrapGroup>(System.StringComparer.Ordinal);
        foreach (var group in catalogue.TrapGroups.Where(g => !declared.ContainsKey(g.Name)))
        {
            declared[group.Name] = group;
        }

        ValidateBits(catalogue);
        var listed = ListedAccess.All(catalogue).ToList();
        var used = ValidateMemberships(listed, declared);

        // The first entry of a key is the one the dispatch reaches; a second is TG0006.
        var listedByKey = new Dictionary<(TrapClassKind, uint), ListedAccess>();
        foreach (var access in listed.Where(a => !listedByKey.ContainsKey((a.Kind, a.Key))))
        {
            listedByKey[(access.Kind, access.Key)] = access;
        }

        foreach (var group in catalogue.TrapGroups)
        {
            if (parsedCompletely && !used.Contains(group.Name) && group.Others is null)
            {
                diagnostics.Report(CatalogueRules.Unused, group.Span, "The trap group", group.Name);
            }

            if (parsedCompletely && declared[group.Name] == group && group.Control is { } control)
            {
                ValidateCompleteness(group, control, listedByKey);
            }
        }
    }

    private void ValidateBits(RegisterCatalogue catalogue)
    {
        var byBit = new Dictionary<int, TrapGroup>();
        foreach (var group in catalogue.TrapGroups)
        {
            if (TrapControls.Find(group.Name) is { Register: HcrEl2.Name } named && named.Bit != group.HcrBit)
            {
                diagnostics.Report(
                    CatalogueRules.ContradictsArchitecture, group.HcrBitSpan,
                    Format("Trap group {0} declares hcr_bit: {1}, but HCR_EL2.{0} is bit {2}: write hcr_bit: {2}, or leave it out", group.Name, group.HcrBit, named.Bit));
            }
            else if (byBit.TryGetValue(group.HcrBit, out var first))
            {
                var which = group.Control is { } control ? " (HCR_EL2." + control.Name + ")" : string.Empty;
                diagnostics.Report(
                    CatalogueRules.ContradictsArchitecture, group.HcrBitSpan,
                    Format("Trap groups {0} and {1} are both hcr_bit: {2}{3}; a trap group is its bit: merge them into {0}", first.Name, group.Name, group.HcrBit, which));
            }
            else
            {
                byBit[group.HcrBit] = group;
            }
        }
    }

    private HashSet<string> ValidateMemberships(IEnumerable<ListedAccess> listed, Dictionary<string, TrapGroup> declared)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var trappable in listed)
        {
            foreach (var membership in trappable.Traps)
            {
                used.Add(membership.Group);
                if (!declared.TryGetValue(membership.Group, out var group))
                {
                    diagnostics.Report(CatalogueRules.UnknownTrapGroup, membership.Span, trappable.Owner, membership.Group, Listing(declared.Keys));
                    continue;
                }

                if (group.Control is not { } control)
                {
                    continue;
                }

                var rule = RegistersByKey.RulesOf(trappable.Kind, trappable.Key).FirstOrDefault(r => r.Control == control);
                if (rule is null)
                {
                    diagnostics.Report(
                        CatalogueRules.ContradictsArchitecture, membership.Span,
                        Format("{0} says {1} (HCR_EL2.{2}) traps it, but the architecture does not put it in {2}'s group; remove {1} from its traps", trappable.Owner, group.Name, control.Name));
                }
                else if (membership.Direction != rule.Direction)
                {
                    diagnostics.Report(
                        CatalogueRules.ContradictsArchitecture, membership.Span,
                        Format(
                            "{0} says {1} traps its {2}, but HCR_EL2.{3} traps its {4} only; write {1}: {5}",
                            trappable.Owner, group.Name, Plural(membership.Direction), control.Name, Plural(rule.Direction), CatalogueSpelling.Of(rule.Direction)));
                }
            }
        }

        return used;
    }

    /// <summary>
    /// Listed registers must be members in every direction the bit traps them. Unlisted ones are one
    /// TG0017 per group, unless the group says what happens to the others.
    /// </summary>
    private void ValidateCompleteness(TrapGroup group, TrapControl control, Dictionary<(TrapClassKind, uint), ListedAccess> listedByKey)
    {
        var unlisted = new List<CoveredAccess>();
        foreach (var covered in ArchitecturalTraps.CoveredBy(control))
        {
            if (!listedByKey.TryGetValue((covered.TrapClass, covered.Key), out var listed))
            {
                unlisted.Add(covered);
            }
            else if (!listed.Traps.Any(m => m.Group == group.Name && m.Covers(covered.Direction)))
            {
                diagnostics.Report(
                    CatalogueRules.MissingArchitecturalMember, listed.Span, control.Name, Describe(covered),
                    Format("{0} is listed without that membership: add traps: {{ {1}: {2} }} to it", listed.Owner, group.Name, CatalogueSpelling.Of(covered.Direction)));
            }
        }

        if (group.Others is null && unlisted.Count > 0)
        {
            var named = string.Join(", ", unlisted.Take(NamedInMessage).Select(Describe));
            var more = unlisted.Count > NamedInMessage ? ", and " + (unlisted.Count - NamedInMessage).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty;
            diagnostics.Report(
                CatalogueRules.MissingArchitecturalMember, group.Span, control.Name,
                Count(unlisted.Count) + " that the catalogue does not list (" + named + more + ")",
                "a trapped one would reach the unhandled path: list them (trapgen list --architecture), or say what happens to the others with "
                + "others: undefined (UNDEF, as KVM does), others: raz-wi or others: unhandled (the runtime's policy decides)");
        }
    }

    private static string Describe(CoveredAccess covered) => Plural(covered.Direction) + " of " + covered.Name + " (" + covered.Encoding + ")";

    private static string Count(int count) => count == 1 ? "1 access" : count.ToString(CultureInfo.InvariantCulture) + " accesses";

    private static string Plural(AccessDirection direction) => direction switch
    {
        AccessDirection.Read => "reads",
        AccessDirection.Write => "writes",
        _ => "reads and writes",
    };
}

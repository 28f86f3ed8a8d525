using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Trap groups against the architecture's trap controls. A group is its control: the one it names (TVM,
/// MDCR_EL2.TDA, HFGRTR_EL2.nPIR_EL1), or the HCR_EL2 control at its hcr_bit. Checks the bit (TG0018), one group per bit, every membership's group and
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
        var listedByKey = new Dictionary<(TrapClass, uint), ListedAccess>();
        foreach (var access in listed.Where(a => !listedByKey.ContainsKey((a.Class, a.Key))))
        {
            listedByKey[(access.Class, access.Key)] = access;
        }

        foreach (var group in catalogue.TrapGroups)
        {
            if (parsedCompletely && !used.Contains(group.Name) && group.Others is null)
            {
                diagnostics.Report(CatalogueRules.Unused, group.Span, "trap group", group.Name);
            }

            if (parsedCompletely && declared[group.Name] == group && group.Control is { } control)
            {
                ValidateCompleteness(group, control, listedByKey);
            }
        }
    }

    private void ValidateBits(RegisterCatalogue catalogue)
    {
        var byBit = new Dictionary<(string Register, int Bit), TrapGroup>();
        foreach (var group in catalogue.TrapGroups)
        {
            if (TrapControls.Find(group.Name) is { Register: HcrEl2.Name } named && named.Bit != group.Bit)
            {
                diagnostics.Report(CatalogueRules.HcrBitDiffers, group.BitSpan, group.Name, Decimal(group.Bit), Decimal(named.Bit), named.QualifiedName);
            }
            else if (byBit.TryGetValue((group.Register, group.Bit), out var first))
            {
                if (group.Control is { Register: not HcrEl2.Name } other)
                {
                    diagnostics.Report(CatalogueRules.SameControl, group.Span, first.Name, group.Name, other.QualifiedName);
                }
                else if (group.Control is { } control)
                {
                    diagnostics.Report(CatalogueRules.ControlShared, group.BitSpan, first.Name, group.Name, Decimal(group.Bit), control.Name);
                }
                else
                {
                    diagnostics.Report(CatalogueRules.HcrBitShared, group.BitSpan, first.Name, group.Name, Decimal(group.Bit));
                }
            }
            else
            {
                byBit[(group.Register, group.Bit)] = group;
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

                // An encoding two registers share (DBGDTRRX_EL0 read, DBGDTRTX_EL0 write) has a rule of each: the control traps both.
                var directions = RegistersByKey.RulesOf(trappable.Class, trappable.Key).Where(r => r.Control == control).Select(r => r.Direction).ToList();
                if (directions.Count == 0)
                {
                    var inFull = group.Name == control.QualifiedName;
                    diagnostics.Report(
                        CatalogueRules.MembershipOutsideControl, membership.Span, trappable.Owner, group.Name,
                        inFull ? string.Empty : " (" + control.QualifiedName + ")",
                        inFull || control.IsFineGrained ? control.QualifiedName : control.Name);
                }
                else if (directions.Aggregate(RegisterAccessRules.Combine) is var trapped && membership.Direction != trapped)
                {
                    diagnostics.Report(
                        CatalogueRules.MembershipDirectionDiffers, membership.Span,
                        trappable.Owner, group.Name, Plural(membership.Direction), control.QualifiedName, Plural(trapped), CatalogueSpelling.Of(trapped));
                }
            }
        }

        return used;
    }

    /// <summary>
    /// Listed registers must be members in every direction the bit traps them. Unlisted ones are one
    /// TG0017 per group, unless the group says what happens to the others.
    /// </summary>
    private void ValidateCompleteness(TrapGroup group, TrapControl control, Dictionary<(TrapClass, uint), ListedAccess> listedByKey)
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
                    CatalogueRules.MembershipMissing, listed.Span, control.QualifiedName, Describe(covered), listed.Owner, group.Name, CatalogueSpelling.Of(covered.Direction));
            }
        }

        if (group.Others is null && unlisted.Count > 0)
        {
            var named = unlisted.Take(NamedInMessage).Select(Describe);
            var more = unlisted.Count > NamedInMessage ? ["and " + Decimal(unlisted.Count - NamedInMessage) + " more"] : System.Array.Empty<string>();
            diagnostics.Report(CatalogueRules.AccessesUnlisted, group.Span, control.QualifiedName, Count(unlisted.Count), string.Join(", ", named.Concat(more)));
        }
    }

    private static string Describe(CoveredAccess covered) => Plural(covered.Direction) + " of " + covered.Name + " (" + covered.Encoding + ")";

    private static string Count(int count) => count == 1 ? "1 access" : Decimal(count) + " accesses";

    private static string Plural(AccessDirection direction) => direction switch
    {
        AccessDirection.Read => "reads",
        AccessDirection.Write => "writes",
        _ => "reads and writes",
    };
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// What the catalogue's trap groups trap but its registers do not list: the architecture's coverage of
/// each group's HCR_EL2 bit, less what the catalogue dispatches. The generator handles those with the
/// group's <c>others:</c>; the validator reports them (TG0017) when a group has none.
/// </summary>
public static class OtherAccesses
{
    /// <summary>
    /// Gets the accesses that groups with <c>others:</c> handle, in the architecture table's order; an
    /// access two groups trap (TVM writes, TRVM reads) is one entry with a handling per direction.
    /// </summary>
    public static EquatableArray<OtherAccess> Of(RegisterCatalogue catalogue)
    {
        var found = new List<OtherAccess>();
        var listed = ListedKeys(catalogue);
        var names = new HashSet<(TrapClass, string)>(listed.Select(entry => (entry.Class, entry.Name)));
        foreach (var group in catalogue.TrapGroups.Where(g => g.Others is not null))
        {
            foreach (var covered in Unlisted(group, listed))
            {
                var index = found.FindIndex(o => o.TrapClass == covered.TrapClass && o.Key == covered.Key);
                if (index < 0)
                {
                    found.Add(new OtherAccess(Identifier(covered, names), covered.Name, covered.TrapClass, covered.Key, covered.Encoding, null, null));
                    index = found.Count - 1;
                }

                var access = found[index];
                found[index] = access with
                {
                    Read = access.Read ?? (RegisterAccessRules.Covers(covered.Direction, AccessDirection.Read) ? group.Others : null),
                    Write = access.Write ?? (RegisterAccessRules.Covers(covered.Direction, AccessDirection.Write) ? group.Others : null),
                };
            }
        }

        return found.Select(ArchitecturallyUndefinedDirection).ToEquatableArray();
    }

    /// <summary>
    /// A direction the architecture does not allow (a write of a read-only ID register, SYSL at an
    /// instruction's encoding) is UNDEFINED, never trapped; a dispatch that reaches it anyway says so,
    /// as a listed register's handler does, rather than calling it unhandled.
    /// </summary>
    private static OtherAccess ArchitecturallyUndefinedDirection(OtherAccess access)
    {
        if (!access.IsDispatched)
        {
            return access;
        }

        bool Disallowed(bool isRead) => El1Access.Check(access.TrapClass, access.Key, isRead) == El1AccessCheck.WrongDirection;
        return access with
        {
            Read = access.Read ?? (Disallowed(isRead: true) ? OthersHandling.Undefined : null),
            Write = access.Write ?? (Disallowed(isRead: false) ? OthersHandling.Undefined : null),
        };
    }

    private static IEnumerable<CoveredAccess> Unlisted(TrapGroup group, IReadOnlyCollection<(TrapClass Class, uint Key, string Name)> listed)
    {
        if (group.Control is not { } control)
        {
            return [];
        }

        var keys = new HashSet<(TrapClass, uint)>(listed.Select(entry => (entry.Class, entry.Key)));
        return ArchitecturalTraps.CoveredBy(control).Where(covered => !keys.Contains((covered.TrapClass, covered.Key)));
    }

    /// <summary>Every (trap class, key, name) the catalogue's registers and aliases dispatch.</summary>
    private static List<(TrapClass Class, uint Key, string Name)> ListedKeys(RegisterCatalogue catalogue) =>
        [.. ListedAccess.All(catalogue).Select(access => (access.Class, access.Key, access.Name))];

    /// <summary>The architectural name as a C# identifier, unique within its trap class (DC CISW becomes DC_CISW).</summary>
    private static string Identifier(CoveredAccess covered, HashSet<(TrapClass, string)> taken)
    {
        var name = CSharpIdentifier.From(covered.Name);
        if (!taken.Add((covered.TrapClass, name)))
        {
            name += "_" + covered.Key.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
            taken.Add((covered.TrapClass, name));
        }

        return name;
    }
}

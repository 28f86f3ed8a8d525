using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture.Tests;

/// <summary>A row's trap rules as the hand-written pseudocode tables write them (GicTrapControlTests, MpamTrapControlTests).</summary>
internal static class RuleNames
{
    /// <summary>
    /// The controls of <paramref name="rules"/> that cover <paramref name="direction"/>, in order, space-separated (a
    /// fine-grained one by its qualified name), or "-" for none or a direction the register does not allow.
    /// </summary>
    public static string Of(IEnumerable<TrapRule> rules, AccessDirection direction, bool allowed)
    {
        if (!allowed)
        {
            return "-";
        }

        var names = rules.Where(t => t.Covers(direction)).Select(t => t.Control.IsFineGrained ? t.Control.QualifiedName : t.Control.Name).ToList();
        return names.Count == 0 ? "-" : string.Join(' ', names);
    }
}

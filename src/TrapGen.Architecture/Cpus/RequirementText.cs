using System;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// A condition of Tables/register-requirements.table in words, for people: <c>FEAT_CCIDX</c> stays
/// <c>FEAT_CCIDX</c>, <c>FEAT_X|FEAT_Y</c> becomes "FEAT_X or FEAT_Y", <c>BRP&gt;5</c> "at least 6
/// breakpoints", <c>CTX:4</c> "breakpoint 4 to be context-aware", <c>NEVER</c> what no guest has.
/// </summary>
public static class RequirementText
{
    /// <summary>Says what <paramref name="condition"/> needs, as the object of "it needs ...".</summary>
    public static string Describe(string condition)
    {
        if (condition is null)
        {
            throw new ArgumentNullException(nameof(condition));
        }

        if (condition == "NEVER")
        {
            return "a state or a CPU that no Non-secure EL1 guest of a hypervisor has";
        }

        if (condition.StartsWith("CTX:", StringComparison.Ordinal))
        {
            return "breakpoint " + condition.Substring(4) + " to be context-aware (ID_AA64DFR0_EL1.CTX_CMPs)";
        }

        if (condition.Length > 4 && condition[3] == '>' && int.TryParse(condition.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var (what, count) = condition.Substring(0, 3) switch
            {
                "BRP" => ("breakpoint", "ID_AA64DFR0_EL1.BRPs + 1"),
                "WRP" => ("watchpoint", "ID_AA64DFR0_EL1.WRPs + 1"),
                _ => ("event counter", "PMCR_EL0.N"),
            };
            return "at least " + (n + 1).ToString(CultureInfo.InvariantCulture) + " " + what + (n == 0 ? string.Empty : "s") + " (" + count + ")";
        }

        return Features(condition);
    }

    /// <summary>A condition of features in words: FEAT_X and FEAT_Y, FEAT_X or FEAT_Y, (FEAT_X and FEAT_Y) or FEAT_Z.</summary>
    public static string Features(string condition)
    {
        if (condition is null)
        {
            throw new ArgumentNullException(nameof(condition));
        }

        var products = condition.Split('|');
        return string.Join(" or ", products.Select(product => product.Contains('&') && products.Length > 1 ? "(" + product.Replace("&", " and ") + ")" : product.Replace("&", " and ")));
    }
}

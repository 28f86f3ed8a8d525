using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The event counter selection register, PMSELR_EL0 (D24.5.20) and its AArch32 view PMSELR (G8.4.17): its SEL field, bits
/// [4:0], selects the event counter PMXEVCNTR_EL0 and PMXEVTYPER_EL0 reach (31: the cycle counter's filter), which an event
/// counter limit's rule with <see cref="TrapRule.CounterSelected"/> checks (MDCR_EL2.HPMN).
/// </summary>
public static class EventCounterSelection
{
    /// <summary>PMSELR_EL0.SEL, bits [4:0] (PMSELR.SEL).</summary>
    public static readonly BitField Sel = new("SEL", 0, 5);

    /// <summary>The register's name.</summary>
    public const string Name = "PMSELR_EL0";

    private static readonly uint Aarch64Key = Aarch64Registers.All.Single(r => r.Name == Name).Encoding.Key;

    private static readonly Aarch32Register Aarch32View = Aarch32Registers.All.Single(r => r.MapsTo == Name);

    /// <summary>
    /// Gets the key of the selection register in <paramref name="trapClass"/>: PMSELR_EL0's in <see cref="TrapClasses.Msr"/>,
    /// PMSELR's in its cp15 class; false in any other class.
    /// </summary>
    public static bool TryKeyIn(TrapClass trapClass, out uint key)
    {
        key = trapClass == TrapClasses.Msr ? Aarch64Key : trapClass == Aarch32View.Class ? Aarch32View.Encoding.Key : 0;
        return trapClass == TrapClasses.Msr || trapClass == Aarch32View.Class;
    }

    /// <summary>Gets whether a rule of the access of <paramref name="trapClass"/> with <paramref name="key"/> checks the selected counter. Allocates nothing.</summary>
    public static bool IsReadBy(TrapClass trapClass, uint key)
    {
        var rules = ArchitecturalTraps.RulesOf(trapClass, key);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].CounterSelected)
            {
                return true;
            }
        }

        return false;
    }
}

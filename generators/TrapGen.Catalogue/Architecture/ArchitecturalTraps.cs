using System;
using System.Linq;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// The hardware's decision whether a lower-EL system-register access traps to EL2, from the trap
/// controls' values and the architecture's lists of what each control covers, never from a catalogue:
/// a register the catalogue forgets still traps, and reaches the unhandled path, as on hardware.
/// Registers are matched by their ISS key in the architecture's own layouts; the lookup allocates nothing.
/// </summary>
public static class ArchitecturalTraps
{
    private static readonly TrapControl[] Controls = [.. HcrEl2.TrapControls, .. CnthctlEl2.TrapControls];

    // Keys[control][trap class] = the sorted ISS keys of the registers the control covers.
    private static readonly uint[][][] Keys = Controls.Select(control => Enum.GetValues(typeof(TrapClassKind)).Cast<TrapClassKind>()
        .Select(kind => control.Registers.Select(r => KeyOf(kind, r)).Where(key => key.HasValue).Select(key => key!.Value).OrderBy(key => key).ToArray())
        .ToArray()).ToArray();

    /// <summary>Gets every trap control modelled: HCR_EL2's and CNTHCTL_EL2's.</summary>
    public static TrapControl[] All => [.. Controls];

    /// <summary>
    /// Gets whether an access traps: <paramref name="key"/> is the ISS masked to the register-identifying
    /// fields of <paramref name="kind"/>.
    /// </summary>
    public static bool Traps(ulong hcr, ulong cnthctl, TrapClassKind kind, uint key, bool isRead)
    {
        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        for (var i = 0; i < Controls.Length; i++)
        {
            var control = Controls[i];
            var value = control.Register == "HCR_EL2" ? hcr : cnthctl;
            if (control.IsActive(value) && control.Covers(direction) && Array.BinarySearch(Keys[i][(int)kind], key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the ISS key of an architectural register in a trap class, or null when it is not in that class.</summary>
    public static uint? KeyOf(TrapClassKind kind, ArchitecturalRegister register) => (kind, register) switch
    {
        (TrapClassKind.Aarch64, { Aarch64: { } e }) => ArchitecturalLayouts.Key(kind, e.KeyValues),
        (TrapClassKind.Cp15Register32 or TrapClassKind.Cp15Register64, { Aarch32: { } e }) when e.TrapClass == kind => ArchitecturalLayouts.Key(kind, e.KeyValues),
        _ => null,
    };
}

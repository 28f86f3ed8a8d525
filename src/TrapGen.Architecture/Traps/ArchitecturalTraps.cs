using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The hardware's decision whether a lower-EL system-register access traps to EL2: from the trap
/// controls' values and the trap rules of the architecture's table, never from a catalogue. A register
/// the catalogue forgets still traps and reaches the unhandled path, as on hardware. Allocates nothing.
/// </summary>
public static class ArchitecturalTraps
{
    /// <summary>What traps a reserved ID register: HCR_EL2.TID3, its reads (<see cref="ReservedIdSpace"/>); declared before the table it joins.</summary>
    private static readonly IReadOnlyList<TrapRule> ReservedIdRules = [new TrapRule(TrapControls.TID3, AccessDirection.Read)];

    private static readonly Dictionary<uint, TrapRule[]>[] RulesByKey =
    [
        .. TrapClasses.All.Select(kind => Everything(kind).GroupBy(entry => entry.Key)
            .ToDictionary(group => group.Key, group => group.SelectMany(entry => entry.Rules).Distinct().ToArray())),
    ];

    /// <summary>
    /// Gets the first active control that traps an access, or null when it does not trap: <paramref name="key"/>
    /// is the ISS masked to the register-identifying fields of <paramref name="kind"/>.
    /// </summary>
    public static TrapControl? TrappingControl(ulong hcr, ulong cnthctl, TrapClassKind kind, uint key, bool isRead)
    {
        if (!RulesByKey[(int)kind].TryGetValue(key, out var rules))
        {
            return null;
        }

        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        foreach (var rule in rules)
        {
            var value = rule.Control.Register == HcrEl2.Name ? hcr : cnthctl;
            if (rule.Covers(direction) && rule.Control.IsActive(value))
            {
                return rule.Control;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets everything <paramref name="control"/> traps that a catalogue can dispatch: AArch64 registers
    /// and System instructions, and cp15 registers, with the direction it traps.
    /// </summary>
    public static IEnumerable<CoveredAccess> CoveredBy(TrapControl control)
    {
        foreach (var register in Aarch64Registers.All)
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, TrapClassKind.Aarch64, TrapClasses.Key(register.Encoding), register.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var instruction in SystemInstructions.All)
        {
            foreach (var rule in instruction.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(instruction.FullName, TrapClassKind.Aarch64, TrapClasses.Key(instruction.Encoding), instruction.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var reserved in ReservedIdSpace.All)
        {
            foreach (var rule in ReservedIdRules.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(reserved.ToString(), TrapClassKind.Aarch64, TrapClasses.Key(reserved), reserved.ToString(), rule.Direction);
            }
        }

        foreach (var register in Aarch32Registers.All.Where(r => r.Coprocessor == 15))
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, register.Encoding.TrapClass, TrapClasses.Key(register.Encoding), register.Encoding.Describe(), rule.Direction);
            }
        }
    }

    private static IEnumerable<(uint Key, IReadOnlyList<TrapRule> Rules)> Everything(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => Aarch64Registers.All.Select(r => (TrapClasses.Key(r.Encoding), r.Traps))
            .Concat(SystemInstructions.All.Select(i => (TrapClasses.Key(i.Encoding), i.Traps)))
            .Concat(ReservedIdSpace.All.Select(e => (TrapClasses.Key(e), ReservedIdRules))),
        _ => Aarch32Registers.All.Where(r => r.Coprocessor == 15 && r.Encoding.TrapClass == kind).Select(r => (TrapClasses.Key(r.Encoding), r.Traps)),
    };
}

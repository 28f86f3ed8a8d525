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
            // The IMPLEMENTATION DEFINED space has no rows: TIDCP traps it, in both directions.
            return TrapControls.TIDCP.IsActive(hcr) && ImplementationDefinedSpace.TrappedByTidcp(kind, key) ? TrapControls.TIDCP : null;
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
    /// Gets the first active HCR_EL2 control that traps an EL1 access of cp14 (<see cref="RegistersByKey.TryFindCp14"/>),
    /// or null. Only HCR_EL2 is modelled: MDCR_EL2's debug traps (TDA, TDOSA, TDRA) are not, and with
    /// MDCR_EL2 = 0, as the emulated CPU and the QEMU probe run, no debug access traps by them.
    /// </summary>
    public static TrapControl? Cp14TrappingControl(ulong hcr, TrapClassKind kind, uint key, bool isRead) =>
        RegistersByKey.TryFindCp14(kind, key, out var register) ? FirstActive(register.Traps, hcr, isRead) : null;

    /// <summary>Gets the first active HCR_EL2 control that traps an EL1 VMRS of ID register <paramref name="reg"/>, or null.</summary>
    public static TrapControl? VmrsTrappingControl(ulong hcr, uint reg) =>
        VmrsIdRegisters.Find(reg) is { } register ? FirstActive(register.Traps, hcr, isRead: true) : null;

    /// <summary>
    /// Gets HCR_EL2.TSC when it traps an EL1 SMC, or null, when the SMC goes to the Secure monitor. The Arm
    /// ARM's AArch64.CheckForSMCUndefOrTrap and AArch32.CheckForSMCUndefOrTrap route an EL1 SMC to EL2 under
    /// TSC when EL3 is implemented, and to EL3 without it (SCR_EL3.SMD = 0, as firmware that implements the
    /// SMC Calling Convention runs). Without any EL3 the pseudocode makes an EL1 SMC UNDEFINED even under
    /// TSC (AArch64: IMPLEMENTATION DEFINED whether TSC traps it; required with FEAT_NV and HCR_EL2.NV);
    /// QEMU's virt board with virtualization=on instead treats its SMC PSCI conduit as an EL3 "so that EL2
    /// can forbid its EL1 PSCI calls via HCR.TSC": TSC traps every EL1 SMC, and an untrapped one is a
    /// firmware call (QEMU 7.2 answers an unknown function NOT_SUPPORTED). TrapGen models that machine.
    /// </summary>
    public static TrapControl? SmcTrappingControl(ulong hcr) => TrapControls.TSC.IsActive(hcr) ? TrapControls.TSC : null;

    /// <summary>
    /// Gets everything <paramref name="control"/> traps that a catalogue can dispatch: AArch64 registers
    /// and System instructions, and cp15 registers, and the reserved ID registers of both (HCR_EL2.TID3),
    /// with the direction it traps.
    /// </summary>
    public static IEnumerable<CoveredAccess> CoveredBy(TrapControl control)
    {
        foreach (var register in Aarch64Registers.All)
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, TrapClassKind.Msr, TrapClasses.Key(register.Encoding), register.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var instruction in SystemInstructions.All)
        {
            foreach (var rule in instruction.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(instruction.FullName, TrapClassKind.Msr, TrapClasses.Key(instruction.Encoding), instruction.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var reserved in Reserved(control, TrapClassKind.Msr))
        {
            yield return reserved;
        }

        foreach (var register in Aarch32Registers.All.Where(r => r.Coprocessor == 15))
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, register.Encoding.Form, TrapClasses.Key(register.Encoding), register.Encoding.Describe(), rule.Direction);
            }
        }

        foreach (var reserved in Reserved(control, TrapClassKind.Mcr))
        {
            yield return reserved;
        }
    }

    /// <summary>The reserved ID registers of <paramref name="kind"/> that <paramref name="control"/> traps (<see cref="ReservedIdSpace"/>).</summary>
    private static IEnumerable<CoveredAccess> Reserved(TrapControl control, TrapClassKind kind) =>
        from reserved in ReservedIdSpace.Keys()
        where reserved.Kind == kind
        from rule in ReservedIdSpace.Traps
        where rule.Control == control
        select new CoveredAccess(reserved.Name, reserved.Kind, reserved.Key, reserved.Encoding, rule.Direction);

    private static TrapControl? FirstActive(IReadOnlyList<TrapRule> rules, ulong hcr, bool isRead)
    {
        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Control.Register == HcrEl2.Name && rule.Covers(direction) && rule.Control.IsActive(hcr))
            {
                return rule.Control;
            }
        }

        return null;
    }

    private static IEnumerable<(uint Key, IReadOnlyList<TrapRule> Rules)> Everything(TrapClassKind kind) =>
        (kind switch
        {
            TrapClassKind.Msr => Aarch64Registers.All.Select(r => (TrapClasses.Key(r.Encoding), r.Traps))
                .Concat(SystemInstructions.All.Select(i => (TrapClasses.Key(i.Encoding), i.Traps))),
            _ => Aarch32Registers.All.Where(r => r.Coprocessor == 15 && r.Encoding.Form == kind).Select(r => (TrapClasses.Key(r.Encoding), r.Traps)),
        }).Concat(ReservedIdSpace.Keys().Where(reserved => reserved.Kind == kind).Select(reserved => (reserved.Key, ReservedIdSpace.Traps)));
}

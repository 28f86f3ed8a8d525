using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The hardware's decision whether a lower-EL access traps to EL2: from the trap controls' values and the
/// trap rules of the architecture's tables, never from a catalogue, for every trap class alike. A register
/// the catalogue forgets still traps and reaches the unhandled path, as on hardware. Allocates nothing.
/// </summary>
public static class ArchitecturalTraps
{
    private static readonly Dictionary<uint, TrapRule[]>?[] RulesByKey = Tabulate();

    /// <summary>The controls that come first in a trapped-instructions.table row, each with the class its row is in.</summary>
    private static readonly (TrapControl Control, TrapClass Class)[] ReportingControls =
        [.. TrappedInstructions.All.Where(instruction => instruction.Traps.Count > 0).Select(instruction => (instruction.Traps[0].Control, instruction.Class)).Distinct()];

    /// <summary>What <see cref="RulesOf"/> gives an access no rule covers.</summary>
    private static readonly TrapRule[] NoRules = [];

    /// <summary>
    /// Gets the first active control that traps an access, in the order the access's pseudocode checks them, or
    /// null when it does not trap: <paramref name="key"/> is the ISS masked to the register-identifying fields of
    /// <paramref name="trapClass"/> (0 for SMC). On <paramref name="model"/> a control the CPU lacks traps nothing
    /// (its field is RES0); with no model every control exists.
    /// </summary>
    public static TrapControl? TrappingControl(in TrapControlRegisters controls, TrapClass trapClass, uint key, bool isRead, CpuModel? model = null)
    {
        if (HstrTrap(controls, trapClass, key, model) is { } primary)
        {
            return primary;
        }

        if (RulesByKey[trapClass.ExceptionClass] is not { } rulesOfClass || !rulesOfClass.TryGetValue(key, out var rules))
        {
            return null;
        }

        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        foreach (var rule in rules)
        {
            if (rule.Covers(direction) && controls.IsActive(rule, model))
            {
                return rule.Control;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the first active control that traps <paramref name="instruction"/>, an instruction that accesses no register,
    /// in its row's order, or null: unlike a lookup by syndrome, this tells apart the rows a syndrome does not (SME's
    /// instructions, which TFP traps too, and SMSTART, which it does not). <paramref name="passed"/> is a control the
    /// guest's own state makes the instruction pass untested: HCR_EL2.API while SCTLR_EL1 disables the instruction's key
    /// (<see cref="PointerAuthentication.EnableOf"/>), which ERETAA's HFGITR_EL2.ERET and HCR_EL2.NV come before. Allocates nothing.
    /// </summary>
    public static TrapControl? TrappingControl(in TrapControlRegisters controls, TrappedInstruction instruction, CpuModel? model = null, TrapControl? passed = null)
    {
        var rules = (instruction ?? throw new System.ArgumentNullException(nameof(instruction))).Traps;
        for (var i = 0; i < rules.Count; i++)
        {
            if (!ReferenceEquals(rules[i].Control, passed) && controls.IsActive(rules[i], model))
            {
                return rules[i].Control;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the rules of the access of <paramref name="trapClass"/> with <paramref name="key"/>, in the order its
    /// pseudocode checks them (none for an access no row has). Allocates nothing.
    /// </summary>
    public static IReadOnlyList<TrapRule> RulesOf(TrapClass trapClass, uint key) =>
        RulesByKey[trapClass.ExceptionClass] is { } rulesOfClass && rulesOfClass.TryGetValue(key, out var rules) ? rules : NoRules;

    /// <summary>
    /// Gets the class a trap by <paramref name="control"/> is reported in when it is not the access's own: the class of the
    /// trapped-instructions.table row that lists the control first (CPTR_EL2.TFP: <see cref="TrapClasses.FpSimd"/>, EC 0x07,
    /// for an MRS of FPCR as for a floating-point instruction; TZ: <see cref="TrapClasses.Sve"/>, EC 0x19, for ZCR_EL1); null
    /// for the others. Allocates nothing.
    /// </summary>
    public static TrapClass? ReportedIn(TrapControl control)
    {
        foreach (var (reporting, trapClass) in ReportingControls)
        {
            if (ReferenceEquals(reporting, control))
            {
                return trapClass;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the class a trap of an access of <paramref name="accessClass"/> by <paramref name="control"/> is reported in:
    /// the access's own class when the control reports in it or in none (TSC's SMC traps, in either SMC class; TVM's),
    /// else <see cref="ReportedIn(TrapControl)"/>'s (an SVE instruction that TFP traps: EC 0x07). Allocates nothing.
    /// </summary>
    public static TrapClass ReportedIn(TrapControl control, TrapClass accessClass)
    {
        TrapClass? first = null;
        foreach (var (reporting, trapClass) in ReportingControls)
        {
            if (ReferenceEquals(reporting, control))
            {
                if (trapClass == accessClass)
                {
                    return accessClass;
                }

                first ??= trapClass;
            }
        }

        return first ?? accessClass;
    }

    /// <summary>
    /// Gets the HSTR_EL2.T&lt;n&gt; that traps an access of <paramref name="trapClass"/> with <paramref name="key"/>, or null:
    /// every cp15 access's first check, of a register the tables have or not, before any UNDEFINED at EL1 (the Arm
    /// ARM's AArch64.CheckCP15InstrCoarseTraps).
    /// </summary>
    public static TrapControl? HstrTrap(in TrapControlRegisters controls, TrapClass trapClass, uint key, CpuModel? model = null) =>
        controls.Hstr != 0 && HstrEl2.ControlFor(trapClass, key) is { } primary && controls.IsActive(primary, model) ? primary : null;

    /// <summary>
    /// Gets everything <paramref name="control"/> traps that a catalogue can dispatch: AArch64 registers and
    /// System instructions, AArch32 registers of every coprocessor and form, and the encodings of its ranges
    /// (range-traps.table) that no row names, but those of the IMPLEMENTATION DEFINED space, which has no
    /// architectural register to list (HCR_EL2.TID3's reserved ID registers are in; TIDCP's space is not), with
    /// the direction it traps.
    /// </summary>
    public static IEnumerable<CoveredAccess> CoveredBy(TrapControl control)
    {
        foreach (var register in Aarch64Registers.All)
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, TrapClasses.Msr, register.Encoding.Key, register.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var instruction in SystemInstructions.All)
        {
            foreach (var rule in instruction.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(instruction.FullName, TrapClasses.Msr, instruction.Encoding.Key, instruction.Encoding.ToString(), rule.Direction);
            }
        }

        foreach (var unnamed in UnnamedInRanges(control, TrapClasses.Msr))
        {
            yield return unnamed;
        }

        foreach (var register in Aarch32Registers.All)
        {
            foreach (var rule in register.Traps.Where(r => r.Control == control))
            {
                yield return new CoveredAccess(register.Name, register.Class, register.Encoding.Key, register.Encoding.Describe(), rule.Direction);
            }
        }

        foreach (var trapClass in TrapClasses.All.Where(c => c.IsAarch32))
        {
            foreach (var unnamed in UnnamedInRanges(control, trapClass))
            {
                yield return unnamed;
            }
        }
    }

    /// <summary>
    /// The encodings of <paramref name="trapClass"/> in <paramref name="control"/>'s ranges that no row names and the
    /// IMPLEMENTATION DEFINED space does not hold, named by their encodings (<c>S3_0_C0_C3_7</c>, <c>p15, 0, c0, c3, 7</c>).
    /// </summary>
    private static IEnumerable<CoveredAccess> UnnamedInRanges(TrapControl control, TrapClass trapClass) =>
        from range in RangeTraps.Of(control)
        where range.Class == trapClass
        from key in range.Keys()
        where RegistersByKey.NameOf(trapClass, key, isRead: true) is null && !ImplementationDefinedSpace.Contains(trapClass, key)
        let unnamed = UnnamedEncoding(trapClass, key)
        where unnamed is not null
        select new CoveredAccess(unnamed.Value.Name, trapClass, key, unnamed.Value.Encoding, range.Direction);

    /// <summary>The name and encoding text of an encoding no row names: <c>S3_0_C0_C3_7</c>; <c>p15, 0, c0, c3, 7</c>. Null for a class without such names.</summary>
    private static (string Name, string Encoding)? UnnamedEncoding(TrapClass trapClass, uint key) =>
        ImplementationDefinedSpace.Aarch64EncodingOf(trapClass, key) is { } aarch64 ? (aarch64.ToString().ToUpperInvariant(), aarch64.ToString())
        : ImplementationDefinedSpace.Cp15EncodingOf(trapClass, key) is { } cp15 ? (cp15.GenericName, cp15.Describe())
        : null;

    /// <summary>Every class's rules by key, indexed by exception class: the tables' rows, then their ranges' (range-traps.table: TID3's ID space, TIDCP's IMPLEMENTATION DEFINED space), and the instructions that access no register (WFI, SMC).</summary>
    private static Dictionary<uint, TrapRule[]>?[] Tabulate()
    {
        var byClass = new Dictionary<uint, TrapRule[]>?[TrapClasses.ExceptionClassCount];
        foreach (var trapClass in TrapClasses.All)
        {
            byClass[trapClass.ExceptionClass] = Everything(trapClass).GroupBy(entry => entry.Key)
                .ToDictionary(group => group.Key, group => group.SelectMany(entry => entry.Rules).Distinct().ToArray());
        }

        return byClass;
    }

    private static IEnumerable<(uint Key, IReadOnlyList<TrapRule> Rules)> Everything(TrapClass trapClass)
    {
        if (!trapClass.IsDispatchable)
        {
            // WFI, WFE, SMC: trapped-instructions.table's rows, by the class's key (TI and RV; SMC has none). An SMC
            // traps under TSC whenever the firmware is EL3: QEMU's virt board with virtualization=on treats its PSCI
            // conduit as one, "so that EL2 can forbid its EL1 PSCI calls via HCR.TSC" (without any EL3, the Arm ARM's
            // AArch64.CheckForSMCUndefOrTrap makes an EL1 SMC UNDEFINED instead), and TrapGen models that machine.
            return TrappedInstructions.All.Where(instruction => instruction.Class == trapClass).Select(instruction => (instruction.Key, instruction.Traps));
        }

        var rows = trapClass == TrapClasses.Msr
            ? Aarch64Registers.All.Select(r => (r.Encoding.Key, r.Traps)).Concat(SystemInstructions.All.Select(i => (i.Encoding.Key, i.Traps)))
            : trapClass == TrapClasses.Sys128
                ? Accesses128.All.Select(access => (access.Key, access.Traps))
                : Aarch32Registers.All.Where(r => r.Class == trapClass).Select(r => (r.Encoding.Key, r.Traps));
        return rows.Concat(RangeTraps.All.Where(range => range.Class == trapClass).SelectMany(range => range.Keys().Select(key => (key, (IReadOnlyList<TrapRule>)[range.Rule]))));
    }
}

namespace TrapGen.Architecture;

/// <summary>Why an EL1 access is UNDEFINED before any EL2 trap control is consulted, or that it is not.</summary>
public enum El1AccessCheck
{
    /// <summary>The access is allowed at EL1 (it may still trap to EL2).</summary>
    Allowed,

    /// <summary>The encoding is allocated to no register and lies outside the IMPLEMENTATION DEFINED space.</summary>
    Unallocated,

    /// <summary>The register belongs to EL2 or EL3 (HCR_EL2, the Hyp-mode HCR, Secure-only SCR).</summary>
    HigherExceptionLevel,

    /// <summary>A write of a read-only register, or a read of a write-only one.</summary>
    WrongDirection,

    /// <summary>
    /// The register or instruction needs a feature the CPU model lacks (CCSIDR2_EL1 without FEAT_CCIDX), or is an
    /// IMPLEMENTATION DEFINED encoding the model does not define. HCR_EL2.TIDCP still traps the latter: the
    /// Arm ARM makes that trap win over the UNDEF.
    /// </summary>
    NotImplemented,
}

/// <summary>
/// The checks the Arm ARM's pseudocode makes of an EL1 System register access before the EL2 trap
/// controls: an unallocated encoding is UNDEFINED, EL2 and EL3 state is UNDEFINED at EL1 (Armv8.0 has
/// no trap that reaches it from EL1), and an access in a direction the register does not have is
/// UNDEFINED (a write to a read-only ID register is UNDEFINED even with HCR_EL2.TID3 set). Everything
/// comes from the architecture's tables, by each register's owning Exception level, for every trap class:
/// cp14 and cp10 have no IMPLEMENTATION DEFINED space, so an encoding their tables do not name is UNDEFINED.
/// </summary>
public static class El1Access
{
    /// <summary>
    /// Gets whether state of <paramref name="exceptionLevel"/> is beyond EL1's reach: EL2 and EL3 registers and
    /// instructions are UNDEFINED at EL1 (Armv8.0 has no trap that takes them to EL2), so a guest never
    /// reaches them and a hypervisor must never pass them through.
    /// </summary>
    public static bool IsAboveEl1(int exceptionLevel) => exceptionLevel >= 2;

    /// <summary>
    /// Checks an EL1 access of <paramref name="trapClass"/> with ISS key <paramref name="key"/> on
    /// <paramref name="model"/>, or on no particular CPU (every register of the tables present) when it is null;
    /// an SMC is always allowed. On a model, a named ID register of a feature it lacks is a reserved ID
    /// register (read as zero, trapped by TID3), as the Arm ARM's ID space is.
    /// </summary>
    public static El1AccessCheck Check(TrapClass trapClass, uint key, bool isRead, CpuModel? model = null)
    {
        var check = CheckArchitecture(trapClass, key, isRead);
        if (model is null || check is El1AccessCheck.Unallocated or El1AccessCheck.HigherExceptionLevel)
        {
            return check;
        }

        var implemented = Implements(model, trapClass, key, isRead);
        if (implemented)
        {
            return check;
        }

        return IsIdSpace(trapClass, key) ? (isRead ? El1AccessCheck.Allowed : El1AccessCheck.WrongDirection) : El1AccessCheck.NotImplemented;
    }

    /// <summary>
    /// Gets whether an EL1 access of <paramref name="trapClass"/> with <paramref name="key"/> is to an AArch64 register of EL2
    /// in a direction it has, or an EL2 System instruction (a write), that <paramref name="model"/> implements (any CPU when
    /// null): the accesses whose accessor pseudocode, at EL1, checks HCR_EL2.NV before its UNDEFINED (D24.2.62), after the
    /// feature check that makes one the CPU lacks UNDEFINED first. Whether NV traps it is its row's rules'.
    /// </summary>
    public static bool IsEl2AccessImplemented(TrapClass trapClass, uint key, bool isRead, CpuModel? model)
    {
        if (trapClass == TrapClasses.Sys128)
        {
            return Accesses128.TryFind(key, out var access128) && access128.ExceptionLevel == 2
                && access128.Allows(isRead ? AccessDirection.Read : AccessDirection.Write) && (model is null || Accesses128.Implements(model, access128));
        }

        if (trapClass != TrapClasses.Msr)
        {
            return false;
        }

        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        if (RegistersByKey.TryFindAarch64(key, direction, out var register))
        {
            return register.ExceptionLevel == 2 && register.Allows(direction) && (model is null || model.Implements(register));
        }

        return RegistersByKey.TryFindInstruction(key, out var instruction) && instruction.IsEncodedAs(isRead) && instruction.ExceptionLevel == 2 && (model is null || model.Implements(instruction));
    }

    /// <summary>Gets whether the access of <paramref name="trapClass"/> with <paramref name="key"/> reaches something <paramref name="model"/> has.</summary>
    public static bool Implements(CpuModel model, TrapClass trapClass, uint key, bool isRead)
    {
        if (model is null)
        {
            throw new System.ArgumentNullException(nameof(model));
        }

        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        if (trapClass == TrapClasses.Sys128)
        {
            // No model lists a 128-bit IMPLEMENTATION DEFINED register: MRRS and MSRR of that space are UNDEFINED once its
            // traps (TIDCP, EnIDCP128) pass.
            return Accesses128.TryFind(key, out var access128) ? Accesses128.Implements(model, access128)
                : ReservedIdSpace.Contains(trapClass, key) || !ImplementationDefinedSpace.Contains(trapClass, key);
        }

        if (trapClass == TrapClasses.Msr)
        {
            if (RegistersByKey.TryFindAarch64(key, direction, out var register))
            {
                return model.Implements(register);
            }

            if (RegistersByKey.TryFindInstruction(key, out var instruction))
            {
                return model.Implements(instruction);
            }

            return ReservedIdSpace.Contains(trapClass, key)
                || !ImplementationDefinedSpace.Contains(trapClass, key)
                || model.Implements(ImplementationDefinedSpace.Aarch64EncodingOf(trapClass, key)!);
        }

        if (!model.HasAarch32El1)
        {
            return false;
        }

        if (RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32))
        {
            return model.Implements(aarch32);
        }

        if (ReservedIdSpace.Contains(trapClass, key) || !ImplementationDefinedSpace.Contains(trapClass, key))
        {
            return true;
        }

        return ImplementationDefinedSpace.Cp15EncodingOf(trapClass, key) is { } cp15 && model.Implements(cp15);
    }

    /// <summary>The ID register spaces, where an absent register reads as zero: AArch64 op0 3, op1 0, CRn 0, CRm 1–7; AArch32 p15, 0, c0, c1–c7.</summary>
    private static bool IsIdSpace(TrapClass trapClass, uint key)
    {
        if (trapClass == TrapClasses.Msr)
        {
            return trapClass.KeyValue(key, "Op0") == 3 && trapClass.KeyValue(key, "Op1") == 0 && trapClass.KeyValue(key, "CRn") == 0 && trapClass.KeyValue(key, "CRm") is >= 1 and <= 7;
        }

        return trapClass == TrapClasses.Mcr && trapClass.KeyValue(key, "Opc1") == 0 && trapClass.KeyValue(key, "CRn") == 0 && trapClass.KeyValue(key, "CRm") is >= 1 and <= 7;
    }

    /// <summary>The architecture-wide check: every register and instruction of the tables present.</summary>
    private static El1AccessCheck CheckArchitecture(TrapClass trapClass, uint key, bool isRead)
    {
        if (!trapClass.IsDispatchable)
        {
            return El1AccessCheck.Allowed;
        }

        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        if (trapClass == TrapClasses.Msr)
        {
            if (RegistersByKey.TryFindAarch64(key, direction, out var register))
            {
                return Check(register.ExceptionLevel, register.Allows(direction));
            }

            if (RegistersByKey.TryFindInstruction(key, out var instruction))
            {
                return Check(instruction.ExceptionLevel, instruction.IsEncodedAs(isRead));
            }
        }
        else if (trapClass == TrapClasses.Sys128)
        {
            if (Accesses128.TryFind(key, out var access128))
            {
                return Check(access128.ExceptionLevel, access128.Allows(direction));
            }
        }
        else if (RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32))
        {
            return Check(aarch32.ExceptionLevel, aarch32.Allows(direction));
        }

        if (ReservedIdSpace.Contains(trapClass, key))
        {
            return isRead ? El1AccessCheck.Allowed : El1AccessCheck.WrongDirection;
        }

        if (!ImplementationDefinedSpace.Contains(trapClass, key))
        {
            return El1AccessCheck.Unallocated;
        }

        return trapClass.IsAarch64 && IsAboveEl1(ExceptionLevelByOp1((int)trapClass.KeyValue(key, "Op1")))
            ? El1AccessCheck.HigherExceptionLevel
            : El1AccessCheck.Allowed;
    }

    /// <summary>
    /// The Exception level the Arm ARM's encoding convention gives an AArch64 System register by its op1,
    /// for encodings the table does not name (IMPLEMENTATION DEFINED ones): 3 is EL0, 4 and 5 are EL2,
    /// 6 is EL3, the rest EL1.
    /// </summary>
    public static int ExceptionLevelByOp1(int op1) => op1 switch
    {
        3 => 0,
        4 or 5 => 2,
        6 => 3,
        _ => 1,
    };

    private static El1AccessCheck Check(int exceptionLevel, bool allowsDirection) =>
        IsAboveEl1(exceptionLevel) ? El1AccessCheck.HigherExceptionLevel
        : !allowsDirection ? El1AccessCheck.WrongDirection
        : El1AccessCheck.Allowed;
}

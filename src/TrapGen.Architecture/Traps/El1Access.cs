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
}

/// <summary>
/// The checks the Arm ARM's pseudocode makes of an EL1 System register access before the EL2 trap
/// controls: an unallocated encoding is UNDEFINED, EL2 and EL3 state is UNDEFINED at EL1 (Armv8.0 has
/// no trap that reaches it from EL1), and an access in a direction the register does not have is
/// UNDEFINED (a write to a read-only ID register is UNDEFINED even with HCR_EL2.TID3 set). Everything
/// comes from the architecture's table, by each register's owning Exception level.
/// </summary>
public static class El1Access
{
    /// <summary>
    /// Gets whether state of <paramref name="exceptionLevel"/> is beyond EL1's reach: EL2 and EL3 registers and
    /// instructions are UNDEFINED at EL1 (Armv8.0 has no trap that takes them to EL2), so a guest never
    /// reaches them and a hypervisor must never pass them through.
    /// </summary>
    public static bool IsAboveEl1(int exceptionLevel) => exceptionLevel >= 2;

    /// <summary>Checks an EL1 access of <paramref name="kind"/> with ISS key <paramref name="key"/>.</summary>
    public static El1AccessCheck Check(TrapClassKind kind, uint key, bool isRead)
    {
        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        if (kind == TrapClassKind.Msr)
        {
            if (RegistersByKey.TryFindAarch64(key, direction, out var register))
            {
                return IsAboveEl1(register.ExceptionLevel) ? El1AccessCheck.HigherExceptionLevel
                    : !register.Allows(direction) ? El1AccessCheck.WrongDirection
                    : El1AccessCheck.Allowed;
            }

            if (RegistersByKey.TryFindInstruction(key, out var instruction))
            {
                return IsAboveEl1(instruction.ExceptionLevel) ? El1AccessCheck.HigherExceptionLevel
                    : isRead ? El1AccessCheck.WrongDirection
                    : El1AccessCheck.Allowed;
            }

        }
        else if (RegistersByKey.TryFindCp15(kind, key, out var aarch32))
        {
            return IsAboveEl1(aarch32.ExceptionLevel) ? El1AccessCheck.HigherExceptionLevel
                : !aarch32.Allows(direction) ? El1AccessCheck.WrongDirection
                : El1AccessCheck.Allowed;
        }

        if (ReservedIdSpace.Contains(kind, key))
        {
            return isRead ? El1AccessCheck.Allowed : El1AccessCheck.WrongDirection;
        }

        if (!ImplementationDefinedSpace.Contains(kind, key))
        {
            return El1AccessCheck.Unallocated;
        }

        return kind == TrapClassKind.Msr && IsAboveEl1(ExceptionLevelByOp1((int)TrapClasses.Iss(kind).Field("Op1").Extract(key)))
            ? El1AccessCheck.HigherExceptionLevel
            : El1AccessCheck.Allowed;
    }

    /// <summary>
    /// Checks an EL1 access of cp14 (a debug or Jazelle register, MCR/MRC or MCRR/MRRC as <paramref name="kind"/>
    /// says) with ISS key <paramref name="key"/>: the cp14 space has no IMPLEMENTATION DEFINED part the
    /// table leaves out, so an encoding it does not name is UNDEFINED.
    /// </summary>
    public static El1AccessCheck CheckCp14(TrapClassKind kind, uint key, bool isRead)
    {
        if (!RegistersByKey.TryFindCp14(kind, key, out var register))
        {
            return El1AccessCheck.Unallocated;
        }

        return IsAboveEl1(register.ExceptionLevel) ? El1AccessCheck.HigherExceptionLevel
            : !register.Allows(isRead ? AccessDirection.Read : AccessDirection.Write) ? El1AccessCheck.WrongDirection
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
}

using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Builds the ESR_EL2 / HSR value the hardware reports when a system-register move traps to EL2,
/// with the layouts generated from registers.yaml.
/// </summary>
public static class SyndromeBuilder
{
    /// <summary>The IL value of a 32-bit instruction; every system-register move is one.</summary>
    public const uint Instruction32 = 1;

    /// <summary>
    /// Builds the syndrome of <paramref name="access"/>. AArch32 traps report CV = 1 with the
    /// instruction's condition (0b1110 for T32, whose condition comes from the IT block).
    /// </summary>
    public static uint Build(in SystemRegisterAccess access)
    {
        var direction = access.IsRead ? 1u : 0u;
        uint exceptionClass;
        uint iss;
        switch (access.TrapClass)
        {
            case TrapClassKind.Aarch64:
                exceptionClass = SysRegIss.ExceptionClass;
                iss = SysRegIss.Encode(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, rt: access.Rt, direction: direction);
                break;
            case TrapClassKind.Cp15Register32:
                exceptionClass = Cp32Iss.ExceptionClass;
                iss = Cp32Iss.Encode(access.Op1, access.CRn, access.CRm, access.Op2, cv: 1, cond: access.Condition, rt: access.Rt, direction: direction);
                break;
            default:
                exceptionClass = Cp64Iss.ExceptionClass;
                iss = Cp64Iss.Encode(access.Op1, access.CRm, cv: 1, cond: access.Condition, rt2: access.Rt2, rt: access.Rt, direction: direction);
                break;
        }

        return EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), Instruction32), exceptionClass);
    }
}

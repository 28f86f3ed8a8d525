using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Recovers the system-register move a syndrome reports: the inverse of <see cref="SyndromeBuilder"/>,
/// with the layouts generated from registers.yaml. Accepts any value without throwing.
/// </summary>
public static class SyndromeDecoder
{
    /// <summary>
    /// Decodes <paramref name="esr"/>; false when its exception class is not a system-register trap
    /// (EC 0x18, 0x03 or 0x04). <paramref name="conditionValid"/> is false when an AArch32 syndrome has
    /// CV = 0, in which case the access's condition is reported as always.
    /// </summary>
    public static bool TryDecode(uint esr, out SystemRegisterAccess access, out bool conditionValid)
    {
        var iss = EsrFields.GetISS(esr);
        conditionValid = true;
        switch (EsrFields.GetEC(esr))
        {
            case SysRegIss.ExceptionClass:
                var s = new SysRegSyndrome(iss);
                access = new SystemRegisterAccess(InstructionSet.A64, TrapClassKind.Aarch64, s.IsRead, s.Op0, s.Op1, s.CRn, s.CRm, s.Op2, s.Rt, 0, Aarch32Constants.ConditionAlways);
                return true;
            case Cp32Iss.ExceptionClass:
                var c = new Cp32Syndrome(iss);
                conditionValid = c.CV != 0;
                access = new SystemRegisterAccess(
                    InstructionSet.A32, TrapClassKind.Cp15Register32, c.IsRead, 0, c.Opc1, c.CRn, c.CRm, c.Opc2, c.Rt, 0, conditionValid ? c.COND : Aarch32Constants.ConditionAlways);
                return true;
            case Cp64Iss.ExceptionClass:
                var d = new Cp64Syndrome(iss);
                conditionValid = d.CV != 0;
                access = new SystemRegisterAccess(
                    InstructionSet.A32, TrapClassKind.Cp15Register64, d.IsRead, 0, d.Opc1, 0, d.CRm, 0, d.Rt, d.Rt2, conditionValid ? d.COND : Aarch32Constants.ConditionAlways);
                return true;
            default:
                access = default;
                return false;
        }
    }
}

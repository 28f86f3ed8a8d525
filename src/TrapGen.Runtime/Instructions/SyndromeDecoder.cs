using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Recovers the instruction a syndrome reports: the inverse of <see cref="SyndromeBuilder"/>, with the
/// layouts generated from registers.yaml (cp14 moves share the cp15 ones') and the architecture's VMRS and
/// SMC layouts. An A32 SMC's syndrome does not report its immediate, so it is not recovered. Accepts any
/// value without throwing.
/// </summary>
public static class SyndromeDecoder
{
    /// <summary>
    /// Decodes <paramref name="esr"/>; false when its exception class is not a system-register, cp14, VMRS
    /// or A64 SMC trap (EC 0x18, 0x03, 0x04, 0x05, 0x0C, 0x08 or 0x17). <paramref name="conditionValid"/> is false when an AArch32 syndrome has
    /// CV = 0, in which case the access's condition is reported as always.
    /// </summary>
    public static bool TryDecode(uint esr, out SystemRegisterAccess access, out bool conditionValid)
    {
        var iss = EsrFields.GetISS(esr);
        conditionValid = true;
        var ec = EsrFields.GetEC(esr);
        if (ec == Cp14ExceptionClasses.Mcr || ec == Cp14ExceptionClasses.Mcrr)
        {
            var cp15 = EsrFields.WithEC(esr, ec == Cp14ExceptionClasses.Mcr ? Cp32Iss.ExceptionClass : Cp64Iss.ExceptionClass);
            TryDecode(cp15, out access, out conditionValid);
            access = access with { Kind = InstructionKind.Cp14Move };
            return true;
        }

        switch (ec)
        {
            case Layouts.VmrsIss.ExceptionClass:
                conditionValid = Layouts.VmrsIss.CV.Extract(iss) != 0;
                access = new SystemRegisterAccess(
                    InstructionSet.A32, TrapClassKind.Cp15Register32, IsRead: true, 0, (uint)Layouts.VmrsIss.Opc1.Extract(iss), (uint)Layouts.VmrsIss.CRn.Extract(iss),
                    (uint)Layouts.VmrsIss.CRm.Extract(iss), (uint)Layouts.VmrsIss.Opc2.Extract(iss), (uint)Layouts.VmrsIss.Rt.Extract(iss), 0,
                    conditionValid ? (uint)Layouts.VmrsIss.COND.Extract(iss) : Aarch32Constants.ConditionAlways, InstructionKind.Vmrs);
                return true;
            case Layouts.SmcIss.ExceptionClass:
                access = new SystemRegisterAccess(
                    InstructionSet.A64, TrapClassKind.Aarch64, IsRead: false, 0, 0, 0, 0, 0, 0, 0, Aarch32Constants.ConditionAlways, InstructionKind.Smc, (uint)Layouts.SmcIss.imm16.Extract(iss));
                return true;
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

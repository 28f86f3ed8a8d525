using TrapGen.Architecture;
using Vmrs = TrapGen.Architecture.Layouts.VmrsIss;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Builds the ESR_EL2 / HSR value the hardware reports when an instruction traps to EL2: system-register
/// moves with the layouts generated from registers.yaml, cp14 moves with the cp15 ones of the same form
/// (the architecture gives them the same ISS), VMRS and SMC with the architecture's layouts.
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
        uint exceptionClass = access.ExceptionClass;
        uint iss;
        switch (access.Kind)
        {
            case InstructionKind.Vmrs:
                iss = (uint)Vmrs.Direction.Insert(
                    Vmrs.CRm.Insert(
                        Vmrs.Rt.Insert(
                            Vmrs.CRn.Insert(
                                Vmrs.Opc1.Insert(Vmrs.Opc2.Insert(Vmrs.COND.Insert(Vmrs.CV.Insert(0, 1), access.Condition), Vmrs.Opc2Value), Vmrs.Opc1Value),
                                access.CRn),
                            access.Rt),
                        Vmrs.CRmValue),
                    1);
                return Esr(exceptionClass, iss);

            // A trapped A32 SMC has passed its condition check (the CPU checks it first, as QEMU does), so
            // CCKNOWNPASS is 0 and CV and COND are RES0: the ISS is 0. A64 reports the immediate.
            case InstructionKind.Smc:
                iss = access.TrapClass == TrapClassKind.Aarch64
                    ? (uint)Layouts.SmcIss.imm16.Insert(0, access.Immediate)
                    : (uint)Layouts.Smc32Iss.CCKNOWNPASS.Insert(Layouts.Smc32Iss.CV.Insert(0, 0), 0);
                return Esr(exceptionClass, iss);
        }

        switch (access.TrapClass)
        {
            case TrapClassKind.Aarch64:
                iss = SysRegIss.Encode(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, rt: access.Rt, direction: direction);
                break;
            case TrapClassKind.Cp15Register32:
                iss = Cp32Iss.Encode(access.Op1, access.CRn, access.CRm, access.Op2, cv: 1, cond: access.Condition, rt: access.Rt, direction: direction);
                break;
            default:
                iss = Cp64Iss.Encode(access.Op1, access.CRm, cv: 1, cond: access.Condition, rt2: access.Rt2, rt: access.Rt, direction: direction);
                break;
        }

        return Esr(exceptionClass, iss);
    }

    private static uint Esr(uint exceptionClass, uint iss) => EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), Instruction32), exceptionClass);
}

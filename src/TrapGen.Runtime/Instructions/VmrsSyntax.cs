using System;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// The assembler syntax of VMRS of a floating-point ID register: <c>vmrs r0, fpsid</c>, <c>vmrsne r1, mvfr0</c>.
/// Only the registers an HCR_EL2 ID group traps (<see cref="VmrsIdRegisters"/>) are instructions TrapGen models.
/// </summary>
internal static class VmrsSyntax
{
    private static readonly string Names = string.Join(", ", VmrsIdRegisters.All.Select(r => r.Name.ToLowerInvariant()));

    /// <summary>Parses the operands of VMRS in <paramref name="instructionSet"/> (A32 or T32) with condition <paramref name="cond"/>.</summary>
    public static bool TryParse(InstructionSet instructionSet, uint cond, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 2)
        {
            error = "expected 'vmrs r<t>, <register>' with one of " + Names;
            return false;
        }

        var register = VmrsIdRegisters.All.FirstOrDefault(r => r.Name.Equals(operands[1], StringComparison.OrdinalIgnoreCase));
        if (register is null)
        {
            error = "'" + operands[1] + "' is no floating-point ID register; VMRS traps to EL2 (HCR_EL2.TID0, TID3) only for " + Names;
            return false;
        }

        if (!OperandSyntax.TryR(operands[0], out var rt, out error))
        {
            return false;
        }

        if (rt == SystemRegisterAccess.Pc)
        {
            error = "r15 (pc) as the destination of VMRS of " + register.Name + " is UNPREDICTABLE (Arm ARM F5.1, VMRS; APSR_nzcv is for FPSCR only)";
            return false;
        }

        access = new SystemRegisterAccess(
            instructionSet, TrapClassKind.Mcr, IsRead: true, 0, Layouts.VmrsIss.Opc1Value, (uint)register.Reg, Layouts.VmrsIss.CRmValue, Layouts.VmrsIss.Opc2Value, rt, 0, cond, InstructionKind.Vmrs);
        return true;
    }

    /// <summary>Formats a VMRS: <c>vmrs r0, fpsid</c>.</summary>
    public static string Format(in SystemRegisterAccess access) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"vmrs{ConditionCodes.Suffix(access.Condition)} r{Aarch32RegisterMapping.InstructionRegister(access.Rt)}, {VmrsIdRegisters.Find(access.CRn)?.Name.ToLowerInvariant() ?? "c" + access.CRn.ToString(CultureInfo.InvariantCulture)}");
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of VMRS of a floating-point ID register: <c>vmrs r0, fpsid</c>, <c>vmrsne r1, mvfr0</c>.
/// Only the registers the VMRS class lists (the cp10 rows of the architecture's AArch32 table, which the
/// HCR_EL2 ID groups trap) are instructions TrapGen models.
/// </summary>
internal static class VmrsSyntax
{
    private static readonly IReadOnlyList<Aarch32Register> Registers = [.. Aarch32Registers.All.Where(r => r.Class == TrapClasses.Vmrs)];

    private static readonly string Names = string.Join(", ", Registers.Select(r => r.Name.ToLowerInvariant()));

    /// <summary>Parses the operands of VMRS in <paramref name="instructionSet"/> (A32 or T32) with condition <paramref name="cond"/>.</summary>
    public static bool TryParse(InstructionSet instructionSet, uint cond, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 2)
        {
            error = "expected 'vmrs r<t>, <register>' with one of " + Names;
            return false;
        }

        var register = Registers.FirstOrDefault(r => r.Name.Equals(operands[1], StringComparison.OrdinalIgnoreCase));
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

        var e = register.Encoding;
        access = new SystemRegisterAccess(TrapClasses.Vmrs, instructionSet, IsRead: true, 0, (uint)e.Opc1, (uint)e.CRn, (uint)e.CRm, (uint)e.Opc2, rt, 0, cond);
        return true;
    }

    /// <summary>Formats a VMRS: <c>vmrs r0, fpsid</c>.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var name = RegistersByKey.TryFindAarch32(TrapClasses.Vmrs, access.Key, out var register)
            ? register.Name.ToLowerInvariant()
            : "c" + access.CRn.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"vmrs{ConditionCodes.Suffix(access.Condition)} r{Aarch32RegisterMapping.InstructionRegister(access.Rt)}, {name}");
    }
}

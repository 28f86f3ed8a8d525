using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Decoding;

/// <summary>
/// One way an instruction reaches a register: the AArch64 MRS/MSR pair or an AArch32 MRC/MCR or MRRC/MCRR
/// pair, with the words the assembler gives them (transfer registers x0 / r0, r1) and the syndrome a
/// trapped read reports.
/// </summary>
/// <param name="Name">The register's name in this form: <c>SCTLR_EL1</c>, <c>SCTLR</c>, <c>TTBR0</c>.</param>
/// <param name="Set">a64 or a32.</param>
/// <param name="Coordinates">The encoding: <c>(3,0,1,0,0)</c> for AArch64, <c>p15, 0, c1, c0, 0</c> for AArch32.</param>
/// <param name="View">For an AArch32 form, which bits of the AArch64 register it is (<c>bits [31:0] of FAR_EL1</c>); else null.</param>
/// <param name="Read">The read instruction (<c>mrs x0, sctlr_el1</c>), or null when the register cannot be read.</param>
/// <param name="ReadWord">The read instruction's word, or null.</param>
/// <param name="ReadEsr">The ESR a trapped read reports, or null.</param>
/// <param name="Write">The write instruction, or null when the register cannot be written.</param>
/// <param name="WriteWord">The write instruction's word, or null.</param>
/// <param name="WriteEsr">The ESR a trapped write reports, or null.</param>
/// <param name="Traps">The EL2 trap controls that trap an EL1 access in this form.</param>
public sealed record RegisterForm(
    string Name,
    string Set,
    string Coordinates,
    string? View,
    string? Read,
    string? ReadWord,
    string? ReadEsr,
    string? Write,
    string? WriteWord,
    string? WriteEsr,
    IReadOnlyList<TrapRuleText> Traps)
{
    /// <summary>The MRS/MSR form of <paramref name="register"/>.</summary>
    /// <param name="register">An AArch64 System register.</param>
    /// <returns>Its form.</returns>
    public static RegisterForm Of(Aarch64Register register)
    {
        var e = register.Encoding;
        var access = new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, true, (uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2, 0, 0, Aarch32Constants.ConditionAlways);
        return Create(register.Name, "a64", e.Tuple, null, access, register.Allows(AccessDirection.Read), register.Allows(AccessDirection.Write), register.Traps);
    }

    /// <summary>The MRC/MCR or MRRC/MCRR form of <paramref name="register"/>; null for LDC/STC and VMRS forms.</summary>
    /// <param name="register">An AArch32 register.</param>
    /// <returns>Its form, or null.</returns>
    public static RegisterForm? Of(Aarch32Register register)
    {
        var e = register.Encoding;
        if (e.Form is not (AccessForm.Mcr or AccessForm.Mcrr) || e.Coprocessor == Aarch32Constants.Cp10)
        {
            return null;
        }

        var access = new SystemRegisterAccess(e.Class, InstructionSet.A32, true, 0, (uint)e.Opc1, (uint)e.CRn, (uint)e.CRm, (uint)e.Opc2, 0, 1, Aarch32Constants.ConditionAlways);
        var view = register.MapsTo is { } mapsTo ? RegisterViews.Of(register.View, mapsTo) : null;
        return Create(register.Name, "a32", e.Operands(), view, access, register.Allows(AccessDirection.Read), register.Allows(AccessDirection.Write), register.Traps);
    }

    private static RegisterForm Create(string name, string set, string coordinates, string? view, SystemRegisterAccess read, bool readable, bool writable, IReadOnlyList<TrapRule> traps)
    {
        var write = read with { IsRead = false };
        return new RegisterForm(
            name,
            set,
            coordinates,
            view,
            readable ? Text(read) : null,
            readable ? Hex.Word(InstructionEncoder.Encode(read)) : null,
            readable ? Hex.Word(SyndromeBuilder.Build(read)) : null,
            writable ? Text(write) : null,
            writable ? Hex.Word(InstructionEncoder.Encode(write)) : null,
            writable ? Hex.Word(SyndromeBuilder.Build(write)) : null,
            TrapRuleText.Of(traps));
    }

    private static string Text(SystemRegisterAccess access) => SystemInstructionSyntax.Format(access, CatalogueIndex.RegisterNames);
}

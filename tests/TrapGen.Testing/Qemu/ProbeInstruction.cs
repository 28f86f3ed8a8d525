using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// One instruction the probe runs at EL1: an MRS, an MSR or a System instruction with x1 as Rt; an MRC,
/// MCR, MRRC or MCRR of cp15 or cp14, or a VMRS, with r1 (and r2); or an SMC.
/// </summary>
/// <param name="Name">What it accesses, for messages: <c>SCTLR_EL1 write</c>, <c>DC CIVAC</c>.</param>
/// <param name="Text">The assembler text, in the generic encoding form: <c>msr s3_0_c1_c0_0, x1</c>.</param>
/// <param name="ValueOf">
/// EL2 code that puts in x1 the value the operand holds when the instruction runs (an AArch32 guest's
/// r1 is its low half and r2 its high half): the register's own value, read before the guest runs, so a
/// write writes back what the register holds (the probe runs with its MMU off and must not move it).
/// Null for the address of a 64-byte aligned scratch buffer in RAM.
/// </param>
public sealed record ProbeInstruction(string Name, string Text, string? ValueOf)
{
    /// <summary>
    /// Gets the EL1 instruction that prepares the operand in the encoding-space probe's slot
    /// (<see cref="EncodingSpaceGuest"/>); null for its read operand, zero.
    /// </summary>
    public string? Prepare { get; init; }

    /// <summary>Gets the EL1 instruction that stores the operand after the instruction in the encoding-space probe's slot; null for x1 (r2 and r3).</summary>
    public string? Store { get; init; }

    /// <summary>An MRS x1 of <paramref name="register"/>.</summary>
    public static ProbeInstruction Read(Aarch64Register register) => Read(register.Name, register.Encoding);

    /// <summary>An MRS x1 of the register at <paramref name="encoding"/>, which <paramref name="name"/> describes.</summary>
    public static ProbeInstruction Read(string name, Aarch64Encoding encoding) => new(name + " read", "mrs x1, " + encoding, null);

    /// <summary>An MSR of <paramref name="register"/> from x1, which holds the register's own value when it can be read.</summary>
    public static ProbeInstruction Write(Aarch64Register register) =>
        new(register.Name + " write", "msr " + register.Encoding + ", x1", register.Allows(AccessDirection.Read) ? "mrs x1, " + register.Encoding : null);

    /// <summary>An MSR of the register at <paramref name="encoding"/> from x1 (the scratch address), for a register no write may reach.</summary>
    public static ProbeInstruction WriteAny(string name, Aarch64Encoding encoding) => new(name + " write", "msr " + encoding + ", x1", null);

    /// <summary>An MRC or MRRC of <paramref name="register"/> (to r1, and r2 for MRRC).</summary>
    public static ProbeInstruction Read(Aarch32Register register) =>
        new(register.Name + (register.Coprocessor == Aarch32Constants.Cp14 ? " (cp14)" : string.Empty) + " read", (register.Encoding.Form == AccessForm.Mcr ? "mrc " : "mrrc ") + Operands(register), null);

    /// <summary>An MCR or MCRR of <paramref name="register"/> from r1 (and r2), which hold the register's own value when it maps to a readable AArch64 register.</summary>
    public static ProbeInstruction Write(Aarch32Register register)
    {
        var mapped = register.MapsTo is { } name && register.Allows(AccessDirection.Read) ? Aarch64Registers.All.Single(r => r.Name == name).Encoding : null;
        var value = mapped is null ? null : "mrs x1, " + mapped + (register.View == RegisterView.Hi ? "\n    lsr x1, x1, #32" : string.Empty);
        return new(register.Name + (register.Coprocessor == Aarch32Constants.Cp14 ? " (cp14)" : string.Empty) + " write", (register.Encoding.Form == AccessForm.Mcr ? "mcr " : "mcrr ") + Operands(register), value);
    }

    /// <summary>An MRC to r1 of the cp15 encoding <paramref name="encoding"/> (MCR form), which <paramref name="name"/> describes.</summary>
    public static ProbeInstruction Read(string name, Aarch32Encoding encoding) => new(name + " read", "mrc " + Operands(encoding), null);

    /// <summary>An MCR (or MCRR, for a 64-bit register such as ICC_SGI1R) from r1 (and r2) of the cp15 encoding <paramref name="encoding"/>, for a register no write may reach.</summary>
    public static ProbeInstruction WriteAny(string name, Aarch32Encoding encoding) =>
        new(name + " write", (encoding.Form == AccessForm.Mcr ? "mcr " : "mcrr ") + Operands(encoding), null);

    /// <summary>A VMRS of the floating-point ID register <paramref name="register"/> (a cp10 row of the AArch32 table) to r1.</summary>
    public static ProbeInstruction Vmrs(Aarch32Register register) => new(register.Name + " VMRS", "vmrs r1, " + register.Name.ToLowerInvariant(), null);

    /// <summary>An SMC with <paramref name="immediate"/> (x0 is 0 when it runs: no PSCI function).</summary>
    public static ProbeInstruction Smc(int immediate) => new("SMC", string.Create(CultureInfo.InvariantCulture, $"smc #0x{immediate:x}"), null);

    /// <summary>A System instruction (op0 1) with x1, the scratch address, as Xt when it takes a register.</summary>
    public static ProbeInstruction Execute(SystemInstruction instruction)
    {
        var e = instruction.Encoding;
        var operands = $"sys #{e.Op1}, c{e.CRn}, c{e.CRm}, #{e.Op2}";
        return new(instruction.FullName, instruction.TakesRegister ? operands + ", x1" : operands, null);
    }

    private static string Operands(Aarch32Register register) => Operands(register.Encoding);

    private static string Operands(Aarch32Encoding e) => e.Form == AccessForm.Mcr
        ? string.Create(CultureInfo.InvariantCulture, $"p{e.Coprocessor}, {e.Opc1}, r1, c{e.CRn}, c{e.CRm}, {e.Opc2}")
        : string.Create(CultureInfo.InvariantCulture, $"p{e.Coprocessor}, {e.Opc1}, r1, r2, c{e.CRm}");
}

using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>A register the architecture names in a trap control's list, with its encoding.</summary>
/// <param name="Name">The architectural name.</param>
/// <param name="Aarch64">The AArch64 encoding, or null for an AArch32 register.</param>
/// <param name="Aarch32">The cp15 encoding, or null for an AArch64 register.</param>
public sealed record ArchitecturalRegister(string Name, Aarch64Encoding? Aarch64, Cp15Encoding? Aarch32)
{
    /// <summary>Creates an AArch64 register.</summary>
    public static ArchitecturalRegister A64(string name, int op0, int op1, int crn, int crm, int op2) =>
        new(name, new Aarch64Encoding(op0, op1, crn, crm, op2), null);

    /// <summary>Creates an AArch32 register accessed with MCR/MRC.</summary>
    public static ArchitecturalRegister Mcr(string name, int opc1, int crn, int crm, int opc2) =>
        new(name, null, new Cp15Encoding(Cp15Form.Mcr, opc1, crn, crm, opc2));

    /// <summary>Creates an AArch32 register accessed with MCRR/MRRC.</summary>
    public static ArchitecturalRegister Mcrr(string name, int opc1, int crm) =>
        new(name, null, new Cp15Encoding(Cp15Form.Mcrr, opc1, 0, crm, 0));

    /// <summary>Describes the register and its encoding for messages.</summary>
    public string Describe() => Aarch64 is not null
        ? Name + " (" + Aarch64 + ")"
        : Name + " (" + (Aarch32!.Form == Cp15Form.Mcr ? "MCR " : "MCRR ") + Aarch32 + ")";
}

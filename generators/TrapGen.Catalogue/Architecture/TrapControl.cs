using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>One trap control bit of an EL2 register: the accesses it traps and the registers it covers.</summary>
/// <param name="Register">The EL2 register holding the bit: HCR_EL2 or CNTHCTL_EL2.</param>
/// <param name="Name">The bit's name, such as TVM.</param>
/// <param name="Bit">Its position.</param>
/// <param name="TrapsWhenSet">True when setting the bit traps (HCR_EL2.TVM); false when clearing it does (CNTHCTL_EL2.EL1PCEN).</param>
/// <param name="Direction">The accesses it traps.</param>
/// <param name="Registers">Every register it covers, AArch64 and AArch32.</param>
public sealed record TrapControl(
    string Register, string Name, int Bit, bool TrapsWhenSet, AccessDirection Direction, ArchitecturalRegister[] Registers)
{
    /// <summary>Gets whether the control traps, given the value of <see cref="Register"/>.</summary>
    public bool IsActive(ulong registerValue) => (((registerValue >> Bit) & 1) != 0) == TrapsWhenSet;

    /// <summary>Gets whether the control traps accesses in <paramref name="direction"/>.</summary>
    public bool Covers(AccessDirection direction) => Direction == AccessDirection.ReadWrite || Direction == direction;
}

using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>One HCR_EL2 trap bit: the accesses it traps and the registers it covers.</summary>
/// <param name="Name">The bit's name, such as TVM.</param>
/// <param name="Bit">Its position in HCR_EL2.</param>
/// <param name="Direction">The accesses it traps.</param>
/// <param name="Registers">Every register it covers, AArch64 and AArch32.</param>
public sealed record HcrTrapControl(string Name, int Bit, AccessDirection Direction, ArchitecturalRegister[] Registers);

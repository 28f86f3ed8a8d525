using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>One AArch32 floating-point ID register that VMRS reads and an HCR_EL2 ID group traps.</summary>
/// <param name="Name">The architectural name: <c>FPSID</c>, <c>MVFR0</c>, <c>MVFR1</c> or <c>MVFR2</c>.</param>
/// <param name="Reg">The reg field of the VMRS instruction (its CRn in the coprocessor-move view).</param>
/// <param name="Traps">The EL2 trap controls that trap an EL1 read of it.</param>
public sealed record VmrsIdRegister(string Name, int Reg, IReadOnlyList<TrapRule> Traps);

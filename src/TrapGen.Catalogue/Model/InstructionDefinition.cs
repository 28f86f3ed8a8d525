using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// A System instruction the hypervisor traps (<c>DC CISW</c>, or its AArch32 form <c>DCCISW</c>), by its
/// architectural name: the architecture supplies the encoding, its operand and its Exception level.
/// </summary>
/// <param name="Name">The name as the Arm ARM writes it: <c>DC CISW</c>, <c>TLBI VMALLE1</c>, <c>DCCISW</c>.</param>
/// <param name="Identifier">The name as a C# identifier: <c>DC_CISW</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="Aarch64">The AArch64 encoding (op0 1), or null for an AArch32 instruction.</param>
/// <param name="Aarch32">The cp15 encoding (MCR), or null for an AArch64 instruction.</param>
/// <param name="TakesRegister">True when it has an operand register (Xt or Rt).</param>
/// <param name="ExceptionLevel">The lowest Exception level that may execute it.</param>
/// <param name="Handling">What the hypervisor does with a trapped execution.</param>
/// <param name="Hook">The hook's name when <see cref="Handling"/> is hook, or null.</param>
/// <param name="Traps">The trap groups that trap it (always its execution, spelled <c>write</c>).</param>
/// <param name="Span">The entry's name.</param>
/// <param name="HandlingSpan">The handling node.</param>
/// <param name="HookSpan">The hook node, or the entry when there is none.</param>
public sealed record InstructionDefinition(
    string Name,
    string Identifier,
    string Description,
    Aarch64Encoding? Aarch64,
    Aarch32Encoding? Aarch32,
    bool TakesRegister,
    int ExceptionLevel,
    InstructionHandling Handling,
    string? Hook,
    EquatableArray<TrapMembership> Traps,
    SourceSpan Span,
    SourceSpan HandlingSpan,
    SourceSpan HookSpan)
{
    /// <summary>Gets the trap class a trapped execution reports: EC 0x18 for AArch64, EC 0x03 for AArch32.</summary>
    public TrapClass TrapClass => Aarch32?.Class ?? TrapClasses.Msr;

    /// <summary>Gets the encoding as the Arm ARM writes it: <c>(1,0,7,14,2)</c> or <c>p15, 0, c7, c14, 2</c>.</summary>
    public string EncodingText => Aarch32?.ToString() ?? Aarch64?.ToString() ?? string.Empty;

    /// <summary>Gets its ISS key in <see cref="TrapClass"/>.</summary>
    public uint Key => Aarch32?.Key ?? Aarch64?.Key ?? 0;
}

using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;

namespace TrapGen.Catalogue.Model;

/// <summary>A whole catalogue: trap groups, hooks, emulators, registers and System instructions. The syndrome layouts are the architecture's (<see cref="TrapClasses"/>).</summary>
/// <param name="TrapGroups">The declared trap groups.</param>
/// <param name="Hooks">The declared after-write hooks.</param>
/// <param name="Emulators">The declared emulators.</param>
/// <param name="Registers">The registers, in catalogue order.</param>
public sealed record RegisterCatalogue(
    EquatableArray<TrapGroup> TrapGroups,
    EquatableArray<NamedEntry> Hooks,
    EquatableArray<NamedEntry> Emulators,
    EquatableArray<RegisterDefinition> Registers)
{
    /// <summary>Gets the System instructions the hypervisor traps, in catalogue order.</summary>
    public EquatableArray<InstructionDefinition> Instructions { get; init; } = EquatableArray<InstructionDefinition>.Empty;

    /// <summary>
    /// Gets the CPU models the catalogue says it is written for (<c>cpus: [cortex-a57, neoverse-n1]</c>), in catalogue
    /// order; empty when it names none, and then it is checked against the architecture alone.
    /// </summary>
    public EquatableArray<CpuReference> Cpus { get; init; } = EquatableArray<CpuReference>.Empty;

    /// <summary>
    /// Gets the registers left out of generation because of their errors (see <c>CatalogueLoadResult.Generatable</c>).
    /// The code of the user still implements what they need (an emulator's read and write), so those partial
    /// members stay declared while the error is fixed.
    /// </summary>
    public EquatableArray<RegisterDefinition> LeftOut { get; init; } = EquatableArray<RegisterDefinition>.Empty;
}

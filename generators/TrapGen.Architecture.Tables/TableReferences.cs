using System.Collections.Immutable;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// What one table may refer to in the others, as plain value-equal data: the trap controls (<c>REGISTER.NAME</c>), the
/// AArch64 register names, every access's name, and fine-grained-traps.table's text. Each is a list of comma-joined
/// lists, one per table file.
/// </summary>
/// <param name="Controls">trap-controls.table's controls.</param>
/// <param name="Registers">aarch64-registers.table's names.</param>
/// <param name="Accesses">aarch64-registers.table's, aarch64-instructions.table's and trapped-instructions.table's names.</param>
/// <param name="FineGrained">fine-grained-traps.table's text.</param>
internal sealed record TableReferences(ImmutableArray<string> Controls, ImmutableArray<string> Registers, ImmutableArray<string> Accesses, ImmutableArray<string> FineGrained)
{
    /// <inheritdoc/>
    public bool Equals(TableReferences? other) =>
        other is not null && Controls.SequenceEqual(other.Controls) && Registers.SequenceEqual(other.Registers) && Accesses.SequenceEqual(other.Accesses) && FineGrained.SequenceEqual(other.FineGrained);

    /// <inheritdoc/>
    public override int GetHashCode() => Controls.Length ^ (Registers.Length << 8) ^ (Accesses.Length << 16) ^ (FineGrained.Length << 24);
}

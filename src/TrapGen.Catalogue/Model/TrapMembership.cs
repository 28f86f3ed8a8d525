using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>One row of the register × trap group × direction relation: <c>traps: { TVM: write }</c>.</summary>
/// <param name="Group">The trap group's name.</param>
/// <param name="Direction">The accesses of the register that the group traps.</param>
/// <param name="Span">Where the membership is declared.</param>
public sealed record TrapMembership(string Group, AccessDirection Direction, SourceSpan Span)
{
    /// <summary>Gets whether this membership traps accesses in <paramref name="direction"/>.</summary>
    public bool Covers(AccessDirection direction) => RegisterAccessRules.Covers(Direction, direction);
}

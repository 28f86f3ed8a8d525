namespace TrapGen.Architecture;

/// <summary>A trap control's effect on one register: which of its accesses the control traps.</summary>
/// <param name="Control">The trap control.</param>
/// <param name="Direction">The accesses it traps.</param>
public sealed record TrapRule(TrapControl Control, AccessDirection Direction)
{
    /// <summary>Gets whether the rule traps accesses in <paramref name="direction"/>.</summary>
    public bool Covers(AccessDirection direction) => RegisterAccessRules.Covers(Direction, direction);
}

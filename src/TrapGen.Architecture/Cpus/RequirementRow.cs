namespace TrapGen.Architecture;

/// <summary>One row of Tables/register-requirements.table: what the Arm ARM makes a register or instruction present on.</summary>
/// <param name="Kind">What <paramref name="Name"/> names.</param>
/// <param name="Name">The register's name, or the instruction's (DC_CVAP).</param>
/// <param name="Condition">FEAT_X, FEAT_X|FEAT_Y (any), FEAT_X&amp;FEAT_Y (all), BRP&gt;n or WRP&gt;n.</param>
public sealed record RequirementRow(RequirementKind Kind, string Name, string Condition);

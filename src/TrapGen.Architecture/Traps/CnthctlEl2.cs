namespace TrapGen.Architecture;

/// <summary>CNTHCTL_EL2, the counter-timer hypervisor control; its trap bits are in <see cref="TrapControls"/>.</summary>
public static class CnthctlEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "CNTHCTL_EL2";
}

namespace TrapGen.Architecture;

/// <summary>Which accesses the architecture allows to a register; the others are UNDEFINED.</summary>
public enum RegisterAccess
{
    /// <summary>Readable and writable.</summary>
    ReadWrite,

    /// <summary>Read-only (such as CNTPCT_EL0).</summary>
    ReadOnly,

    /// <summary>Write-only (such as OSLAR_EL1, and every System instruction).</summary>
    WriteOnly,
}

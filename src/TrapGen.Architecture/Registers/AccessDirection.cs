namespace TrapGen.Architecture;

/// <summary>Which accesses a trap control traps.</summary>
public enum AccessDirection
{
    /// <summary>Reads: MRS, MRC, MRRC.</summary>
    Read,

    /// <summary>Writes: MSR, MCR, MCRR, and System instructions.</summary>
    Write,

    /// <summary>Both reads and writes.</summary>
    ReadWrite,
}

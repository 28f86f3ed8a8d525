namespace TrapGen.Catalogue.Model;

/// <summary>Which accesses a trap group traps.</summary>
public enum AccessDirection
{
    /// <summary>Reads: MRS, MRC, MRRC.</summary>
    Read,

    /// <summary>Writes: MSR, MCR, MCRR.</summary>
    Write,

    /// <summary>Both reads and writes.</summary>
    ReadWrite,
}

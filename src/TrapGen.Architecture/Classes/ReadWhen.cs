namespace TrapGen.Architecture;

/// <summary>When a trapped access of a class reads its register (the <c>read</c> column of trap-classes.table).</summary>
public enum ReadWhen
{
    /// <summary>The class reaches no register (SMC).</summary>
    Never,

    /// <summary>Direction is 1: MRS, SYSL, MRC, MRRC.</summary>
    DirectionOne,

    /// <summary>Direction is 0: STC, which stores the register to memory (LDC, Direction 1, loads it from memory: a write).</summary>
    DirectionZero,

    /// <summary>Every access is a read, whatever the ISS says (VMRS).</summary>
    Always,
}

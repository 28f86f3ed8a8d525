namespace TrapGen.Architecture;

/// <summary>Fixed values of AArch32 coprocessor moves (Arm ARM F5.1 MCR, MRC, MCRR, MRRC).</summary>
public static class Aarch32Constants
{
    /// <summary>The condition AL (always): the COND of an unconditional A32 instruction, and of every T32 coprocessor move.</summary>
    public const uint ConditionAlways = 0b1110;

    /// <summary>The condition field value 0b1111: the unconditional space (MCR2, MCRR2), not a condition.</summary>
    public const uint ConditionUnconditionalSpace = 0b1111;

    /// <summary>The coprocessor number of the system control coprocessor.</summary>
    public const uint Cp15 = 15;

    /// <summary>The coprocessor number of the debug coprocessor.</summary>
    public const uint Cp14 = 14;

    /// <summary>The coprocessor number VMRS and VMSR use: the floating-point system registers (F5.1 VMRS).</summary>
    public const uint Cp10 = 10;

    /// <summary>The coprocessor register of the one LDC and STC Armv8 defines, <c>LDC p14, c5</c> and <c>STC p14, c5</c>: DBGDTRTXint and DBGDTRRXint (CRd).</summary>
    public const uint DebugDataTransferRegister = 5;
}

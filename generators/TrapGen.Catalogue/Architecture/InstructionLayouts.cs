using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// The system-register move instructions' encodings (Arm ARM C6.2 MRS/MSR register; F5.1 MCR, MRC,
/// MCRR, MRRC), declared once as (lsb, width). The T32 forms are the A32 word with the condition
/// field fixed to 0b1110, first halfword in the upper 16 bits.
/// </summary>
public static class InstructionLayouts
{
    /// <summary>A64 MSR/MRS (register): the fixed bits [31:22] are <see cref="A64SystemMovePattern"/>.</summary>
    public static class A64SystemMove
    {
        /// <summary>L, bit 21: 1 = MRS (read).</summary>
        public static readonly BitField L = Field("L", 21, 1);

        /// <summary>op0, bits [20:19] (bit 20 is 1 for register moves, so op0 is 2 or 3).</summary>
        public static readonly BitField Op0 = Field("Op0", 19, 2);

        /// <summary>op1, bits [18:16].</summary>
        public static readonly BitField Op1 = Field("Op1", 16, 3);

        /// <summary>CRn, bits [15:12].</summary>
        public static readonly BitField CRn = Field("CRn", 12, 4);

        /// <summary>CRm, bits [11:8].</summary>
        public static readonly BitField CRm = Field("CRm", 8, 4);

        /// <summary>op2, bits [7:5].</summary>
        public static readonly BitField Op2 = Field("Op2", 5, 3);

        /// <summary>Rt, bits [4:0].</summary>
        public static readonly BitField Rt = Field("Rt", 0, 5);

        /// <summary>The fixed part, bits [31:22].</summary>
        public static readonly BitField Fixed = Field("Fixed", 22, 10);
    }

    /// <summary>The value of bits [31:22] of every A64 MSR/MRS (register): 0b1101010100.</summary>
    public const uint A64SystemMovePattern = 0b1101010100;

    /// <summary>A32 MCR/MRC (and T32 with COND = 0b1110).</summary>
    public static class A32RegisterMove
    {
        /// <summary>cond, bits [31:28].</summary>
        public static readonly BitField Cond = Field("Cond", 28, 4);

        /// <summary>Fixed 0b1110, bits [27:24].</summary>
        public static readonly BitField Fixed = Field("Fixed", 24, 4);

        /// <summary>opc1, bits [23:21].</summary>
        public static readonly BitField Opc1 = Field("Opc1", 21, 3);

        /// <summary>L, bit 20: 1 = MRC (read).</summary>
        public static readonly BitField L = Field("L", 20, 1);

        /// <summary>CRn, bits [19:16].</summary>
        public static readonly BitField CRn = Field("CRn", 16, 4);

        /// <summary>Rt, bits [15:12].</summary>
        public static readonly BitField Rt = Field("Rt", 12, 4);

        /// <summary>coproc, bits [11:8]: 15 for cp15.</summary>
        public static readonly BitField Coproc = Field("Coproc", 8, 4);

        /// <summary>opc2, bits [7:5].</summary>
        public static readonly BitField Opc2 = Field("Opc2", 5, 3);

        /// <summary>Fixed 1, bit 4.</summary>
        public static readonly BitField One = Field("One", 4, 1);

        /// <summary>CRm, bits [3:0].</summary>
        public static readonly BitField CRm = Field("CRm", 0, 4);
    }

    /// <summary>The value of bits [27:24] of MCR/MRC.</summary>
    public const uint A32RegisterMovePattern = 0b1110;

    /// <summary>A32 MCRR/MRRC (and T32 with COND = 0b1110).</summary>
    public static class A32RegisterPairMove
    {
        /// <summary>cond, bits [31:28].</summary>
        public static readonly BitField Cond = Field("Cond", 28, 4);

        /// <summary>Fixed 0b1100010, bits [27:21].</summary>
        public static readonly BitField Fixed = Field("Fixed", 21, 7);

        /// <summary>L, bit 20: 1 = MRRC (read).</summary>
        public static readonly BitField L = Field("L", 20, 1);

        /// <summary>Rt2, bits [19:16].</summary>
        public static readonly BitField Rt2 = Field("Rt2", 16, 4);

        /// <summary>Rt, bits [15:12].</summary>
        public static readonly BitField Rt = Field("Rt", 12, 4);

        /// <summary>coproc, bits [11:8]: 15 for cp15.</summary>
        public static readonly BitField Coproc = Field("Coproc", 8, 4);

        /// <summary>opc1, bits [7:4].</summary>
        public static readonly BitField Opc1 = Field("Opc1", 4, 4);

        /// <summary>CRm, bits [3:0].</summary>
        public static readonly BitField CRm = Field("CRm", 0, 4);
    }

    /// <summary>The value of bits [27:21] of MCRR/MRRC.</summary>
    public const uint A32RegisterPairMovePattern = 0b1100010;

    /// <summary>The COND value of an unconditional (always) instruction, and of every T32 coprocessor move.</summary>
    public const uint ConditionAlways = 0b1110;

    /// <summary>The coprocessor number of the system control coprocessor.</summary>
    public const uint Cp15 = 15;

    private static BitField Field(string name, int lsb, int width) => new(name, lsb, width, SourceSpan.FileStart);
}

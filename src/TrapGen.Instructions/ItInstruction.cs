namespace TrapGen.Instructions;

/// <summary>
/// The T32 IT instruction (Arm ARM F5.1.57, encoding T1: <c>1011 1111 firstcond mask</c>, mask not 0b0000; with mask
/// 0b0000 the same halfword is a hint, NOP or WFI), and the width of a T32 instruction. A 16-bit T32 instruction is
/// written as a word with its halfword in bits [31:16], where a 32-bit one has its first halfword; bits [15:0] are ignored.
/// </summary>
public static class ItInstruction
{
    private const uint Prefix = 0xBF;

    /// <summary>
    /// Gets whether <paramref name="word"/> is a 32-bit T32 instruction: its first halfword (bits [31:16]) starts
    /// 0b11101, 0b11110 or 0b11111 (Arm ARM F3.1); any other first halfword is a whole 16-bit instruction.
    /// </summary>
    public static bool IsWide(uint word) => word >> 27 >= 0b11101;

    /// <summary>Decodes a T32 IT: its first condition (IT[7:4] of the block's first instruction) and its mask (IT[3:0]).</summary>
    public static bool TryDecode(uint word, out uint firstCondition, out uint mask)
    {
        firstCondition = (word >> 20) & 0xF;
        mask = (word >> 16) & 0xF;
        return word >> 24 == Prefix && mask != 0;
    }

    /// <summary>Encodes IT <paramref name="firstCondition"/> with <paramref name="mask"/> (each of four bits, mask not 0) as a T32 word.</summary>
    public static uint Encode(uint firstCondition, uint mask) => ((Prefix << 8) | ((firstCondition & 0xF) << 4) | (mask & 0xF)) << 16;

    /// <summary>
    /// Gets whether the IT is CONSTRAINED UNPREDICTABLE by its own fields: firstcond 0b1111, or 0b1110 (AL) with more
    /// than one instruction in the block (a mask with more than one bit set), which would need a never condition.
    /// </summary>
    public static bool IsUnpredictable(uint firstCondition, uint mask) =>
        firstCondition == 0b1111 || (firstCondition == 0b1110 && (mask & (mask - 1)) != 0);
}

namespace TrapGen;

/// <summary>
/// Where a trapped LDC or STC (EC 0x06: <c>LDC p14, c5</c> loads DBGDTRTXint, <c>STC p14, c5</c> stores
/// DBGDTRRXint) finds its word of memory, from its ISS (Arm ARM F5.1 LDC, STC; D24.2.40 "ISS encoding for an
/// exception from an LDC or STC instruction"): the base register Rn, or the PC for a literal form; an 8-bit
/// offset counted in words, added or subtracted as Offset says; and the addressing mode AM (AM[2] literal,
/// AM[1:0] the instruction's P and W bits).
/// </summary>
public static partial class LdcStcIss
{
    /// <summary>AM: immediate unindexed, <c>[Rn], {option}</c>: the address is Rn, and imm8 is an option for the coprocessor.</summary>
    public const uint Unindexed = 0b000;

    /// <summary>AM: immediate post-indexed, <c>[Rn], #±imm</c>: the address is Rn, then Rn moves by the offset.</summary>
    public const uint PostIndexed = 0b001;

    /// <summary>AM: immediate offset, <c>[Rn, #±imm]</c>: the address is Rn plus or minus the offset.</summary>
    public const uint OffsetAddressing = 0b010;

    /// <summary>AM: immediate pre-indexed, <c>[Rn, #±imm]!</c>: the address is Rn plus or minus the offset, written back to Rn.</summary>
    public const uint PreIndexed = 0b011;

    /// <summary>AM: literal unindexed (A32 LDC only): the address is the aligned PC.</summary>
    public const uint LiteralUnindexed = 0b100;

    /// <summary>AM: literal offset (LDC only): the address is the aligned PC plus or minus the offset.</summary>
    public const uint LiteralOffset = 0b110;

    /// <summary>The size in bytes of the word an LDC or STC of the debug data transfer register moves, and of the offset's unit.</summary>
    public const uint WordBytes = 4;

    /// <summary>Gets whether <paramref name="iss"/>'s AM is one the Arm ARM defines (0b101 and 0b111 are reserved).</summary>
    public static bool IsDefinedMode(uint iss) => GetAM(iss) is Unindexed or PostIndexed or OffsetAddressing or PreIndexed or LiteralUnindexed or LiteralOffset;

    /// <summary>Gets whether <paramref name="iss"/> addresses from the PC (a literal form, whose Rn is UNKNOWN) rather than from Rn.</summary>
    public static bool IsLiteral(uint iss) => GetAM(iss) is LiteralUnindexed or LiteralOffset;

    /// <summary>Gets whether <paramref name="iss"/>'s form writes the moved base back to Rn: pre- and post-indexed.</summary>
    public static bool WritesBack(uint iss) => GetAM(iss) is PostIndexed or PreIndexed;

    /// <summary>
    /// Gets the address the access of <paramref name="iss"/> reads or writes, given its base: Rn's value, or for a
    /// literal form the PC as the instruction reads it, aligned down to a word. <paramref name="writtenBack"/> is
    /// what Rn holds afterwards: the moved base for pre- and post-indexing, else the base itself. AArch32
    /// arithmetic: 32 bits, wrapping.
    /// </summary>
    public static uint Address(uint iss, uint baseValue, out uint writtenBack)
    {
        var offset = GetImm8(iss) * WordBytes;
        var moved = GetOffset(iss) != 0 ? unchecked(baseValue + offset) : unchecked(baseValue - offset);
        writtenBack = WritesBack(iss) ? moved : baseValue;
        return GetAM(iss) is OffsetAddressing or PreIndexed or LiteralOffset ? moved : baseValue;
    }
}

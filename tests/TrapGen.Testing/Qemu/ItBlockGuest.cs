using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// An AArch32 EL1 in T32 whose every slot is an IT block (issue 26): the slot's instruction under test at one position of
/// a block of one to four instructions, the others fillers <c>add.w r4, r4, #(1 &lt;&lt; position)</c>, so that r4 after the
/// block says which fillers ran. A slot: <c>movw r11</c>, the operands in r1 and r2, <c>mov.w r4, #0</c>, <c>nop.w</c> for each
/// instruction the block lacks of four (every slot is <see cref="Size"/> bytes), the IT (a .hword: GNU as would want each
/// instruction's condition spelled), the block, then r1 and r4 stored in the run's read-back table (r1 in the low word of the
/// slot's eight bytes, r4 in the high). All instructions but the IT are 32-bit. The EL2 monitor advances SPSR_EL2.IT past a
/// trapped instruction (<see cref="ProbeProgram"/>), as KVM's kvm_adjust_itstate does, so the rest of a block keeps its conditions.
/// </summary>
/// <param name="blocks">Each slot's block: the IT's first condition and mask, and the position of the instruction under test.</param>
public sealed class ItBlockGuest(IReadOnlyList<ItBlockGuest.Block> blocks) : ProbeGuest
{
    /// <summary>The bytes of one slot: four 32-bit instructions, the IT, four of the block and two stores.</summary>
    public const int Size = (4 * 4) + 2 + (4 * 4) + (2 * 4);

    private readonly ProbeGuest state = Aarch32;

    /// <summary>Gets each slot's block.</summary>
    public IReadOnlyList<Block> Blocks => blocks;

    /// <inheritdoc/>
    public override bool IsSweep => false;

    /// <inheritdoc/>
    public override bool IsThumb => true;

    /// <inheritdoc/>
    public override ulong Rw => state.Rw;

    /// <inheritdoc/>
    public override int Spsr => state.Spsr | 0x20; // T

    /// <inheritdoc/>
    public override int El2Vector => state.El2Vector;

    /// <inheritdoc/>
    public override int SlotSize => Size;

    /// <inheritdoc/>
    public override ulong UndefinedReturnOffset => 4;

    /// <inheritdoc/>
    public override ulong UndefinedSyndrome => state.UndefinedSyndrome;

    /// <inheritdoc/>
    public override IEnumerable<string> RecordUndefined => ["    add x22, x22, #2", .. state.RecordUndefined];

    /// <inheritdoc/>
    public override IEnumerable<string> Vectors => state.Vectors;

    /// <summary>The filler at <paramref name="position"/> of a block: it adds 1 &lt;&lt; position to r4.</summary>
    public static string Filler(int position) => string.Create(CultureInfo.InvariantCulture, $"add.w r4, r4, #{1 << position}");

    /// <summary>Gets the offset in its slot of the IT of a block of <paramref name="length"/> instructions.</summary>
    public static int ItOffset(int length) => (4 * 4) + (4 * (4 - length));

    /// <inheritdoc/>
    public override IEnumerable<string> Code(IReadOnlyList<ProbeInstruction> instructions)
    {
        Xunit.Assert.Equal(blocks.Count, instructions.Count);
        Xunit.Assert.True(instructions.Count <= 511, "too many instructions for one AArch32 probe");
        var words = GuestCode.T32([".syntax unified", .. instructions.SelectMany((instruction, i) => Slot(instruction, i)), "hvc #2"]);
        var lines = new List<string>();
        var word = 0;
        for (var i = 0; i < instructions.Count; i++)
        {
            var block = blocks[i];
            for (var n = 0; n < 10; n++, word++)
            {
                if (n == 4 + (4 - block.Length))
                {
                    lines.Add(Invariant($"    .hword 0x{0xBF00 | (block.FirstCondition << 4) | block.Mask:x4}"));
                }

                lines.Add(Invariant($"    .hword 0x{words[word] >> 16:x4}"));
                lines.Add(Invariant($"    .hword 0x{words[word] & 0xFFFF:x4}"));
            }
        }

        lines.Add(Invariant($"    .hword 0x{words[word] >> 16:x4}"));
        lines.Add(Invariant($"    .hword 0x{words[word] & 0xFFFF:x4}"));
        return lines;
    }

    private IEnumerable<string> Slot(ProbeInstruction instruction, int i)
    {
        var block = blocks[i];
        return
        [
            Invariant($"movw r11, #{i}"),
            Invariant($"ldr.w r1, [r10, #{8 * i}]"),
            Invariant($"ldr.w r2, [r10, #{(8 * i) + 4}]"),
            "mov.w r4, #0",
            .. Enumerable.Repeat("nop.w", 4 - block.Length),
            .. Enumerable.Range(0, block.Length).Select(k => k == block.Position ? instruction.Text : Filler(k)),
            Invariant($"str.w r1, [r9, #{8 * i}]"),
            Invariant($"str.w r4, [r9, #{(8 * i) + 4}]"),
        ];
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One slot's IT block.</summary>
    /// <param name="FirstCondition">The IT's firstcond (0x1: NE).</param>
    /// <param name="Mask">The IT's mask (not 0).</param>
    /// <param name="Position">Where in the block the instruction under test is (0 to <see cref="Length"/> - 1).</param>
    public sealed record Block(int FirstCondition, int Mask, int Position)
    {
        /// <summary>Gets the number of instructions in the block: 4 less the mask's trailing zeros.</summary>
        public int Length => 4 - System.Numerics.BitOperations.TrailingZeroCount(Mask);

        /// <summary>
        /// Gets the condition of the instruction at <paramref name="position"/> (Arm ARM F5.1.57): the first condition at 0, and
        /// after it firstcond[3:1] with mask[4 - position] as its low bit.
        /// </summary>
        public int ConditionAt(int position) => position == 0 ? FirstCondition : (FirstCondition & 0b1110) | ((Mask >> (4 - position)) & 1);

        /// <summary>Gets the block as GNU as writes it: <c>itete ne</c>.</summary>
        public override string ToString() =>
            "it" + string.Concat(Enumerable.Range(1, Length - 1).Select(p => ConditionAt(p) == FirstCondition ? 't' : 'e')) + Invariant($" 0x{FirstCondition:x}") + Invariant($", instruction {Position}");
    }
}

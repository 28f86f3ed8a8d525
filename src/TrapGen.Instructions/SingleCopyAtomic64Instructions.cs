using TrapGen.Architecture;
using Ls64 = TrapGen.Architecture.Layouts.A64Ls64;

namespace TrapGen.Instructions;

/// <summary>
/// The single-copy atomic 64-byte loads and stores (A64 only): LD64B and ST64B (FEAT_LS64), ST64BV (FEAT_LS64_V) and
/// ST64BV0 (FEAT_LS64_ACCDATA), which HCRX_EL2.EnALS, EnASR and EnAS0 trap while 0 (EC 0x0A, <see cref="TrapClasses.Other"/>).
/// Recognised by their encodings in C4.1's Atomic memory operations (size 0b11, VR 0, A 0, R 0, o3 1 and the opc of each;
/// LD64B and ST64B with Rs 0b11111); the access keeps the word, whose registers the syndrome does not report. A word whose
/// Rt is odd or above 23 is one of them too, and UNDEFINED (<see cref="HasValidRt"/>): its Decode says so before any trap.
/// </summary>
public static class SingleCopyAtomic64Instructions
{
    /// <summary>Opc of each: C4.1.</summary>
    private const uint LoadOpc = 0b101, StoreOpc = 0b001, StoreWithStatusOpc = 0b011, StoreAccDataOpc = 0b010;

    /// <summary>Rs (and Rn) 0b11111: the zero register, or SP as a base.</summary>
    private const uint Register31 = 31;

    /// <summary>Rt&lt;4:3&gt; 0b11: X24 and above, whose eight registers would pass X31.</summary>
    private const uint HighRt = 0b11;

    /// <summary>Gets the row of LD64B.</summary>
    internal static TrappedInstruction Load { get; } = TrappedInstructions.Named(TrapClasses.Other, "LD64B");

    /// <summary>Gets the row of ST64B.</summary>
    internal static TrappedInstruction Store { get; } = TrappedInstructions.Named(TrapClasses.Other, "ST64B");

    /// <summary>Gets the row of ST64BV.</summary>
    internal static TrappedInstruction StoreWithStatus { get; } = TrappedInstructions.Named(TrapClasses.Other, "ST64BV");

    /// <summary>Gets the row of ST64BV0.</summary>
    internal static TrappedInstruction StoreAccData { get; } = TrappedInstructions.Named(TrapClasses.Other, "ST64BV0");

    /// <summary>Decodes an A64 LD64B, ST64B, ST64BV or ST64BV0.</summary>
    internal static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Ls64.Fixed.Extract(word) != Ls64.FixedValue || Ls64.O3.Extract(word) != Ls64.O3Value || Ls64.Zero.Extract(word) != Ls64.ZeroValue)
        {
            return false;
        }

        var withoutStatus = Ls64.Rs.Extract(word) == Register31;
        TrappedInstruction? row = (uint)Ls64.Opc.Extract(word) switch
        {
            LoadOpc when withoutStatus => Load,
            StoreOpc when withoutStatus => Store,
            StoreWithStatusOpc => StoreWithStatus,
            StoreAccDataOpc => StoreAccData,
            _ => null,
        };
        if (row is null)
        {
            return false;
        }

        access = InstructionGroups.Access(row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>The word of <paramref name="row"/> with these registers: <paramref name="status"/> is ignored for LD64B and ST64B.</summary>
    internal static uint Encode(TrappedInstruction row, uint status, uint first, uint baseRegister)
    {
        var opc = row == Load ? LoadOpc : row == Store ? StoreOpc : row == StoreWithStatus ? StoreWithStatusOpc : StoreAccDataOpc;
        var word = Ls64.Fixed.Insert(0, Ls64.FixedValue);
        word = Ls64.Rs.Insert(word, row == Load || row == Store ? Register31 : status);
        word = Ls64.O3.Insert(word, Ls64.O3Value);
        word = Ls64.Opc.Insert(word, opc);
        word = Ls64.Zero.Insert(word, Ls64.ZeroValue);
        word = Ls64.Rn.Insert(word, baseRegister);
        return (uint)Ls64.Rt.Insert(word, first);
    }

    /// <summary>
    /// Gets whether <paramref name="first"/>, an Rt, names eight registers the instruction may move: even and below X24. Any other
    /// is UNDEFINED (the Decode of each: "if Rt&lt;4:3&gt; == '11' || Rt&lt;0&gt; == '1' then EndOfDecode(Decode_UNDEF)").
    /// </summary>
    public static bool HasValidRt(uint first) => (first >> 3) != HighRt && (first & 1) == 0;

    /// <summary>Gets whether <paramref name="row"/> is LD64B's, ST64B's, ST64BV's or ST64BV0's: the other rows of their class are not theirs.</summary>
    public static bool Contains(TrappedInstruction? row) => row == Load || row == Store || row == StoreWithStatus || row == StoreAccData;

    /// <summary>Gets whether <paramref name="access"/> is one of them with an Rt its Decode makes UNDEFINED.</summary>
    public static bool IsUndefined(in SystemRegisterAccess access) =>
        Contains(access.Instruction) && !HasValidRt((uint)Ls64.Rt.Extract(access.Immediate));
}

using TrapGen.Architecture;
using Gcs = TrapGen.Architecture.Layouts.A64GcsStore;

namespace TrapGen.Instructions;

/// <summary>
/// The Guarded Control Stack stores as words and as text, both ways: <c>gcsstr x26, [x27]</c> and <c>gcssttr x26, [sp]</c>
/// (C6.2.169 GCSSTR, C6.2.170 GCSSTTR; FEAT_GCS), which GCSCR_EL1.STREn and HFGITR_EL2.nGCSSTR_EL1 trap from EL1 (EC 0x2D,
/// <see cref="TrapClasses.GcsStore"/>, ExType 0b0010). Each is one of trapped-instructions.table's rows, found by name; the
/// access holds the register stored in <see cref="SystemRegisterAccess.Rt"/> (31 is XZR) and the base in
/// <see cref="SystemRegisterAccess.Rn"/> (31 is SP), which the syndrome reports as Rvalue and Raddr.
/// </summary>
public static class GcsStoreInstructions
{
    /// <summary>Opc of each: C4.1 GCS load/store.</summary>
    private const uint StoreOpc = 0b000, UnprivilegedStoreOpc = 0b001;

    /// <summary>Gets the row of GCSSTR.</summary>
    public static TrappedInstruction Store { get; } = TrappedInstructions.Named(TrapClasses.GcsStore, "GCSSTR");

    /// <summary>Gets the row of GCSSTTR, the unprivileged store.</summary>
    public static TrappedInstruction UnprivilegedStore { get; } = TrappedInstructions.Named(TrapClasses.GcsStore, "GCSSTTR");

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is gcsstr or gcssttr.</summary>
    internal static bool IsMnemonic(string mnemonic) => mnemonic is "gcsstr" or "gcssttr";

    /// <summary>Decodes an A64 GCSSTR or GCSSTTR; any other opc of their space is unallocated, and none.</summary>
    internal static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Gcs.Fixed.Extract(word) != Gcs.FixedValue || Gcs.Fixed2.Extract(word) != Gcs.Fixed2Value)
        {
            return false;
        }

        TrappedInstruction? row = (uint)Gcs.Opc.Extract(word) switch
        {
            StoreOpc => Store,
            UnprivilegedStoreOpc => UnprivilegedStore,
            _ => null,
        };
        if (row is null)
        {
            return false;
        }

        access = Access(row, (uint)Gcs.Rt.Extract(word), (uint)Gcs.Rn.Extract(word));
        return true;
    }

    /// <summary>Encodes a GCSSTR or GCSSTTR: the inverse of <see cref="TryDecodeA64"/>.</summary>
    internal static uint Encode(in SystemRegisterAccess access)
    {
        var word = Gcs.Fixed.Insert(0, Gcs.FixedValue);
        word = Gcs.Opc.Insert(word, access.Instruction == UnprivilegedStore ? UnprivilegedStoreOpc : StoreOpc);
        word = Gcs.Fixed2.Insert(word, Gcs.Fixed2Value);
        word = Gcs.Rn.Insert(word, access.Rn);
        return (uint)Gcs.Rt.Insert(word, access.Rt);
    }

    /// <summary>Parses <paramref name="mnemonic"/> with its operands, split at commas: <c>x&lt;t&gt;</c> (or xzr) and <c>[x&lt;n&gt;|sp]</c>.</summary>
    internal static bool TryParse(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 2 || !operands[1].StartsWith('[') || !operands[1].EndsWith(']')
            || !OperandSyntax.TryX(operands[0], out var rt, out _) || !OperandSyntax.TryXOrSp(operands[1][1..^1].Trim(), out var rn))
        {
            error = "expected '" + mnemonic + " x<t>, [x<n>|sp]'";
            return false;
        }

        error = string.Empty;
        access = Access(mnemonic == "gcssttr" ? UnprivilegedStore : Store, rt, rn);
        return true;
    }

    /// <summary>Formats a GCSSTR or GCSSTTR as objdump does: <c>gcsstr x26, [x27]</c>, <c>gcssttr xzr, [sp]</c>.</summary>
    internal static string Format(in SystemRegisterAccess access) =>
        (access.Instruction ?? Store).Name.ToLowerInvariant() + " " + Value(access.Rt) + ", [" + Base(access.Rn) + "]";

    /// <summary>The register stored, as written: <c>x26</c>, or <c>xzr</c> for 31.</summary>
    public static string Value(uint rt) => OperandSyntax.X(rt);

    /// <summary>The base register, as written: <c>x27</c>, or <c>sp</c> for 31.</summary>
    public static string Base(uint rn) => OperandSyntax.XOrSp(rn);

    /// <summary>The access of <paramref name="row"/> storing X[<paramref name="rt"/>] at [X[<paramref name="rn"/>] or SP]: A64, always.</summary>
    private static SystemRegisterAccess Access(TrappedInstruction row, uint rt, uint rn) =>
        new(TrapClasses.GcsStore, InstructionSet.A64, IsRead: false, 0, 0, 0, 0, 0, rt, 0, Aarch32Constants.ConditionAlways, Rn: rn, Instruction: row);
}

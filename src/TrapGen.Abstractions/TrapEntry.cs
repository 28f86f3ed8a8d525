namespace TrapGen;

/// <summary>
/// One entry of a generated dispatch table: how a trapped access of one register form moves its value, as
/// data, so that one path serves every register of every trap class. The register's value lives in the
/// register file's <see cref="Slot"/>, or in the runtime's emulator <see cref="Emulator"/>. A read gives
/// <see cref="ReadValue"/> of it; a write stores <see cref="Merge"/> of it and the operand, then runs
/// <see cref="Action"/> (a hook, or a forward to the hardware) with <see cref="Visible"/> of the result. A
/// System instruction is a write-only entry whose slot keeps nothing: its action gets the operand.
/// </summary>
public readonly struct TrapEntry
{
    /// <summary>All bits.</summary>
    public const ulong All = ulong.MaxValue;

    /// <summary>The key, or <see cref="uint.MaxValue"/> (no key's value: every key leaves a trap class's KeyMask bits clear somewhere) for a free slot.</summary>
    public uint Key { get; }

    /// <summary>The register file's slot.</summary>
    public ushort Slot { get; }

    /// <summary>Where the view's bits start in the register: 0, or 32 for the HI view of an AArch32 register.</summary>
    public byte Shift { get; }

    /// <summary>The runtime's emulator that owns the value, counted from 1; 0 when the register file holds it.</summary>
    public byte Emulator { get; }

    /// <summary>What runs after a handled write, counted from 1 (a hook, or a forward of an instruction); 0 for nothing.</summary>
    public byte Action { get; }

    /// <summary>What a read does: Handled (the value moves), Undefined or Unhandled.</summary>
    public TrapResult Read { get; }

    /// <summary>What a write does: Handled (the value is stored under <see cref="WriteMask"/>), Undefined or Unhandled.</summary>
    public TrapResult Write { get; }

    /// <summary>The bits of the kept value a read returns.</summary>
    public ulong ReadAnd { get; }

    /// <summary>The bits a read sets: a constant, a sanitised field's value.</summary>
    public ulong ReadOr { get; }

    /// <summary>The bits a write replaces; 0 for an ignored write.</summary>
    public ulong WriteMask { get; }

    /// <summary>Creates an entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="slot">The register file's slot.</param>
    /// <param name="shift">0, or 32 for a HI view.</param>
    /// <param name="read">What a read does.</param>
    /// <param name="write">What a write does.</param>
    /// <param name="readAnd">The bits of the kept value a read returns.</param>
    /// <param name="readOr">The bits a read sets.</param>
    /// <param name="writeMask">The bits a write replaces.</param>
    /// <param name="emulator">The emulator, counted from 1, or 0.</param>
    /// <param name="action">The action after a write, counted from 1, or 0.</param>
    public TrapEntry(uint key, ushort slot, byte shift, TrapResult read, TrapResult write, ulong readAnd, ulong readOr, ulong writeMask, byte emulator = 0, byte action = 0)
    {
        Key = key;
        Slot = slot;
        Shift = shift;
        Read = read;
        Write = write;
        ReadAnd = readAnd;
        ReadOr = readOr;
        WriteMask = writeMask;
        Emulator = emulator;
        Action = action;
    }

    /// <summary>A free slot: no key matches it, and both directions are unhandled.</summary>
    public static TrapEntry Free { get; } = new(uint.MaxValue, 0, 0, TrapResult.Unhandled, TrapResult.Unhandled, 0, 0, 0);

    /// <summary>Gets the register's value as the guest sees it, from the kept value: <c>(kept &amp; ReadAnd) | ReadOr</c>.</summary>
    public ulong Visible(ulong kept) => (kept & ReadAnd) | ReadOr;

    /// <summary>Gets what a read of this form gives: the visible value shifted to the view's bits (an MRC's Rt then takes the low word).</summary>
    public ulong ReadValue(ulong kept) => Visible(kept) >> Shift;

    /// <summary>Gets the kept value after a write of <paramref name="value"/> through this form: the <see cref="WriteMask"/> bits replaced by the value moved to the view's bits.</summary>
    public ulong Merge(ulong kept, ulong value) => (kept & ~WriteMask) | ((value << Shift) & WriteMask);
}

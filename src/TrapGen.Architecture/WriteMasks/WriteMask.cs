namespace TrapGen.Architecture;

/// <summary>
/// What a write to one register keeps on one CPU: the bits of the fields that exist there store what is
/// written; every other bit is fixed, at 1 where an absent field is RES1 and at 0 elsewhere (RES0 bits and
/// absent RES0 fields). <see cref="All"/>, for a register Tables/register-write-masks.table does not
/// describe, keeps every bit.
/// </summary>
/// <param name="Writable">The bits that store what is written.</param>
/// <param name="Ones">The fixed bits that read as 1 (never writable).</param>
public readonly record struct WriteMask(ulong Writable, ulong Ones)
{
    /// <summary>Gets the mask that keeps every bit written.</summary>
    public static WriteMask All { get; } = new(ulong.MaxValue, 0);

    /// <summary>
    /// Gets this mask on an implementation that stores <paramref name="stored"/> whatever the architecture calls
    /// them: those bits become writable, and no longer fixed at 1. The Arm ARM lets a reserved bit of a read-write
    /// register either be fixed or store what is written.
    /// </summary>
    public WriteMask Storing(ulong stored) => new(Writable | stored, Ones & ~stored);

    /// <summary>Gets what the register holds after <paramref name="written"/> is written to it.</summary>
    public ulong Keep(ulong written) => (written & Writable) | Ones;

    /// <summary>
    /// Gets what the register holds after <paramref name="written"/> is written through <paramref name="view"/>
    /// (an AArch32 register's 32-bit half, or the whole register) when it held <paramref name="previous"/>: the
    /// view's bits are replaced (RegisterViewBits.Write) and then masked, so that the other half keeps what it
    /// held and the written half keeps only what exists there.
    /// </summary>
    public ulong Keep(RegisterView view, int registerWidth, ulong previous, ulong written) =>
        Keep(RegisterViewBits.Write(view, registerWidth, previous, written));

    /// <summary>
    /// Gets what a read through <paramref name="view"/> gives after <paramref name="written"/> is written through
    /// it: the view's bits of the kept value (a 32-bit half as 32 bits).
    /// </summary>
    public ulong KeepView(RegisterView view, ulong written)
    {
        var kept = RegisterViewBits.Read(view, Keep(view, 64, 0, written));
        return view is RegisterView.Lo or RegisterView.Hi ? (uint)kept : kept;
    }
}

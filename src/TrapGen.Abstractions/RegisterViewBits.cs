namespace TrapGen;

/// <summary>
/// Which bits of its AArch64 register each <see cref="RegisterView"/> reaches, once: the generated dispatch
/// table's shift and write mask come from here, and the runtime's untrapped accesses move values by it.
/// A read gives the register shifted right by <see cref="Shift"/> (an MRC's Rt then takes the low word); a
/// write replaces the bits of <see cref="WriteMask"/> with the value shifted left by <see cref="Shift"/>.
/// </summary>
public static class RegisterViewBits
{
    /// <summary>Gets where the view's bits start: <see cref="RegisterHalves.HiShift"/> for HI, else 0.</summary>
    public static int Shift(RegisterView view) => view == RegisterView.Hi ? RegisterHalves.HiShift : RegisterHalves.LoShift;

    /// <summary>
    /// Gets the bits a write through the view replaces in a register of <paramref name="registerWidth"/> bits:
    /// one half for LO and HI (the other is kept), all 64 for a zero-extending view, and the register's own
    /// width for the whole register (an AArch64 access, an MCRR pair, or a 32-bit view of a 32-bit register).
    /// </summary>
    public static ulong WriteMask(RegisterView view, int registerWidth) => view switch
    {
        RegisterView.Lo => RegisterHalves.LoMask,
        RegisterView.Hi => RegisterHalves.HiMask,
        RegisterView.ZeroExtend => ulong.MaxValue,
        _ => registerWidth >= 64 ? ulong.MaxValue : RegisterHalves.LoMask,
    };

    /// <summary>Gets what a read through the view gives: <paramref name="register"/> shifted to the view's bits.</summary>
    public static ulong Read(RegisterView view, ulong register) => register >> Shift(view);

    /// <summary>Gets <paramref name="register"/> after a write of <paramref name="value"/> through the view.</summary>
    public static ulong Write(RegisterView view, int registerWidth, ulong register, ulong value)
    {
        var mask = WriteMask(view, registerWidth);
        return (register & ~mask) | ((value << Shift(view)) & mask);
    }
}

using System;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Testing;

/// <summary>
/// The tests' own spelling of an AArch32 access, in the syntax binutils assembles, written apart from
/// TrapGen.Instructions' formatter so that the two check each other: MRC/MCR and MRRC/MCRR of cp15 or cp14,
/// VMRS of a floating-point ID register (which has no write), and STC (a read of the register into memory) or
/// LDC (a write of it from memory) with <c>[rT]</c>, the offset form with #0.
/// </summary>
public static class Aarch32Spelling
{
    /// <summary>The instruction that reads the register at <paramref name="encoding"/> into rT (and rT2), with an optional condition suffix.</summary>
    public static string Read(Aarch32Encoding encoding, string name, string condition = "", int rt = 3, int rt2 = 4)
    {
        System.ArgumentNullException.ThrowIfNull(encoding);
        System.ArgumentNullException.ThrowIfNull(name);
        return encoding.Class == TrapClasses.Vmrs
            ? Format($"vmrs{condition} r{rt}, {name.ToLowerInvariant()}")
            : Spell(encoding, isRead: true, condition, rt, rt2);
    }

    /// <summary>The instruction that writes the register at <paramref name="encoding"/> from rT (and rT2); null for VMRS, which only reads.</summary>
    public static string? Write(Aarch32Encoding encoding, string condition = "", int rt = 3, int rt2 = 4)
    {
        System.ArgumentNullException.ThrowIfNull(encoding);
        return encoding.Class == TrapClasses.Vmrs ? null : Spell(encoding, isRead: false, condition, rt, rt2);
    }

    private static string Spell(Aarch32Encoding e, bool isRead, string condition, int rt, int rt2) => e.Form switch
    {
        AccessForm.Mcr => Format($"{(isRead ? "mrc" : "mcr")}{condition} p{e.Coprocessor}, {e.Opc1}, r{rt}, c{e.CRn}, c{e.CRm}, {e.Opc2}"),
        AccessForm.Mcrr => Format($"{(isRead ? "mrrc" : "mcrr")}{condition} p{e.Coprocessor}, {e.Opc1}, r{rt}, r{rt2}, c{e.CRm}"),
        _ => Format($"{(isRead ? "stc" : "ldc")}{condition} p{e.Coprocessor}, c{e.CRn}, [r{rt}]"),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

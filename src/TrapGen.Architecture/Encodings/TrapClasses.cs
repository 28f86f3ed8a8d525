using System;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// What each system-register trap class is: the exception class that reports it, its ISS layout, and
/// which ISS fields identify the register (its key).
/// </summary>
public static class TrapClasses
{
    /// <summary>Every trap class, in enum order.</summary>
    public static TrapClassKind[] All { get; } = [TrapClassKind.Aarch64, TrapClassKind.Cp15Register32, TrapClassKind.Cp15Register64];

    /// <summary>The transfer register field.</summary>
    public const string Rt = "Rt";

    /// <summary>The second transfer register of MCRR/MRRC.</summary>
    public const string Rt2 = "Rt2";

    /// <summary>The direction field: 1 = read (MRS/MRC/MRRC), 0 = write.</summary>
    public const string Direction = "Direction";

    /// <summary>Condition code valid.</summary>
    public const string CV = "CV";

    /// <summary>The condition code.</summary>
    public const string Cond = "COND";

    /// <summary>Gets the ISS layout of a trap class.</summary>
    public static BitLayout Iss(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => Layouts.MsrMrsIss.Layout,
        TrapClassKind.Cp15Register32 => Layouts.McrMrcIss.Layout,
        TrapClassKind.Cp15Register64 => Layouts.McrrMrrcIss.Layout,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets the exception class (ESR_EL2.EC) of a trap class.</summary>
    public static int ExceptionClass(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => (int)Layouts.MsrMrsIss.ExceptionClass,
        TrapClassKind.Cp15Register32 => (int)Layouts.McrMrcIss.ExceptionClass,
        TrapClassKind.Cp15Register64 => (int)Layouts.McrrMrrcIss.ExceptionClass,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets the trap class of exception class <paramref name="ec"/>, or null when TrapGen does not dispatch it.</summary>
    public static TrapClassKind? OfExceptionClass(uint ec) =>
        ec == Layouts.MsrMrsIss.ExceptionClass ? TrapClassKind.Aarch64
        : ec == Layouts.McrMrcIss.ExceptionClass ? TrapClassKind.Cp15Register32
        : ec == Layouts.McrrMrrcIss.ExceptionClass ? TrapClassKind.Cp15Register64
        : null;

    /// <summary>Gets the instruction pair a trap class reports.</summary>
    public static string Instructions(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => "MSR/MRS",
        TrapClassKind.Cp15Register32 => "MCR/MRC",
        TrapClassKind.Cp15Register64 => "MCRR/MRRC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets the fields that identify a register, in the order an encoding is written.</summary>
    public static string[] KeyFieldNames(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => ["Op0", "Op1", "CRn", "CRm", "Op2"],
        TrapClassKind.Cp15Register32 => ["Opc1", "CRn", "CRm", "Opc2"],
        TrapClassKind.Cp15Register64 => ["Opc1", "CRm"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets every field a catalogue's layout of this class must declare.</summary>
    public static string[] RequiredFieldNames(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => [.. KeyFieldNames(kind), Rt, Direction],
        TrapClassKind.Cp15Register32 => [CV, Cond, .. KeyFieldNames(kind), Rt, Direction],
        TrapClassKind.Cp15Register64 => [CV, Cond, .. KeyFieldNames(kind), Rt, Rt2, Direction],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets whether <paramref name="fieldName"/> identifies the register in this class.</summary>
    public static bool IsKeyField(TrapClassKind kind, string fieldName) => KeyFieldNames(kind).Contains(fieldName);

    /// <summary>Gets the OR of the key fields' masks: the ISS bits that identify a register.</summary>
    public static uint KeyMask(TrapClassKind kind) =>
        (uint)KeyFieldNames(kind).Aggregate(0UL, (mask, name) => mask | Iss(kind).Field(name).Mask);

    /// <summary>Gets the ISS key of the register with <paramref name="values"/> (in <see cref="KeyFieldNames"/> order).</summary>
    public static uint Key(TrapClassKind kind, int[] values)
    {
        var names = KeyFieldNames(kind);
        var layout = Iss(kind);
        ulong key = 0;
        for (var i = 0; i < names.Length; i++)
        {
            key |= layout.Field(names[i]).Insert(0, (ulong)values[i]);
        }

        return (uint)key;
    }

    /// <summary>Gets the ISS key of an AArch64 encoding.</summary>
    public static uint Key(Aarch64Encoding encoding) => Key(TrapClassKind.Aarch64, encoding.KeyValues);

    /// <summary>Gets the ISS key of a cp15 encoding, in its form's trap class.</summary>
    public static uint Key(Cp15Encoding encoding) => Key(encoding.TrapClass, encoding.KeyValues);
}

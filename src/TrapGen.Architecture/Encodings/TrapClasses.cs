using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The three system-register trap classes TrapGen dispatches, by <see cref="TrapClassKind"/>: each
/// question is answered by the class's <see cref="TrapClassDescriptor"/> (<see cref="TrapClassDescriptors.Of(TrapClassKind)"/>).
/// </summary>
public static class TrapClasses
{
    /// <summary>Every trap class, in enum order.</summary>
    public static TrapClassKind[] All { get; } = [TrapClassKind.Msr, TrapClassKind.Mcr, TrapClassKind.Mcrr];

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
    public static BitLayout Iss(TrapClassKind kind) => TrapClassDescriptors.Of(kind).Iss;

    /// <summary>Gets the exception class (ESR_EL2.EC) of a trap class.</summary>
    public static int ExceptionClass(TrapClassKind kind) => (int)TrapClassDescriptors.Of(kind).ExceptionClass;

    /// <summary>Gets the trap class of exception class <paramref name="ec"/>, or null when TrapGen does not dispatch it.</summary>
    public static TrapClassKind? OfExceptionClass(uint ec) => TrapClassDescriptors.Find(ec)?.Kind;

    /// <summary>Gets the instruction pair a trap class reports.</summary>
    public static string Instructions(TrapClassKind kind) => TrapClassDescriptors.Of(kind).Instructions;

    /// <summary>Gets the fields that identify a register, in the order an encoding is written.</summary>
    public static string[] KeyFieldNames(TrapClassKind kind) => [.. TrapClassDescriptors.Of(kind).KeyFieldNames];

    /// <summary>Gets every field a catalogue's layout of this class must declare.</summary>
    public static string[] RequiredFieldNames(TrapClassKind kind) => [.. TrapClassDescriptors.Of(kind).RequiredFields.Select(f => f.Name)];

    /// <summary>Gets whether <paramref name="fieldName"/> identifies the register in this class.</summary>
    public static bool IsKeyField(TrapClassKind kind, string fieldName) => TrapClassDescriptors.Of(kind).KeyFieldNames.Contains(fieldName);

    /// <summary>Gets the OR of the key fields' masks: the ISS bits that identify a register.</summary>
    public static uint KeyMask(TrapClassKind kind) => TrapClassDescriptors.Of(kind).KeyMask;

    /// <summary>Gets the ISS key of the register with <paramref name="values"/> (in <see cref="KeyFieldNames"/> order).</summary>
    public static uint Key(TrapClassKind kind, int[] values) => Key(TrapClassDescriptors.Of(kind).KeyFields, values);

    /// <summary>Gets the ISS key that places <paramref name="values"/> in <paramref name="fields"/>, pairwise: the one computation of a register key.</summary>
    public static uint Key(IReadOnlyList<BitField> fields, int[] values)
    {
        ulong key = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            key |= fields[i].Insert(0, (ulong)values[i]);
        }

        return (uint)key;
    }

    /// <summary>Gets the ISS key of an AArch64 encoding.</summary>
    public static uint Key(Aarch64Encoding encoding) => Key(TrapClassKind.Msr, encoding.KeyValues);

    /// <summary>Gets the ISS key of a cp15 encoding, in its trap class (its form).</summary>
    public static uint Key(Cp15Encoding encoding) => Key(encoding.Form, encoding.KeyValues);
}

using System;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// ESR_EL2 / HSR as the Arm Architecture Reference Manual (DDI 0487, D24.2.40 ESR_EL2 and the ISS
/// encodings for EC 0x03, 0x04 and 0x18) defines it. The catalogue declares its layouts as data; this
/// is the independent reference the validator checks that data against, so a 3-bit CRn (Xen's 0x3800)
/// cannot be declared.
/// </summary>
public static class ArchitecturalLayouts
{
    /// <summary>The width of ESR_EL2 / HSR as the trap path reads it.</summary>
    public const int EsrWidth = 32;

    /// <summary>The top-level syndrome fields.</summary>
    public static ArchitecturalField[] Esr { get; } =
    [
        new("EC", 26, 6),
        new("IL", 25, 1),
        new("ISS", 0, 25),
    ];

    /// <summary>Gets the exception class of a trap class.</summary>
    public static int ExceptionClass(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => 0x18,
        TrapClassKind.Cp15Register32 => 0x03,
        TrapClassKind.Cp15Register64 => 0x04,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets the ISS fields of a trap class, most significant first.</summary>
    public static ArchitecturalField[] Iss(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 =>
        [
            new("Op0", 20, 2), new("Op2", 17, 3), new("Op1", 14, 3), new("CRn", 10, 4),
            new("Rt", 5, 5), new("CRm", 1, 4), new("Direction", 0, 1),
        ],
        TrapClassKind.Cp15Register32 =>
        [
            new("CV", 24, 1), new("COND", 20, 4), new("Opc2", 17, 3), new("Opc1", 14, 3), new("CRn", 10, 4),
            new("Rt", 5, 5), new("CRm", 1, 4), new("Direction", 0, 1),
        ],
        TrapClassKind.Cp15Register64 =>
        [
            new("CV", 24, 1), new("COND", 20, 4), new("Opc1", 16, 4), new("Rt2", 10, 5),
            new("Rt", 5, 5), new("CRm", 1, 4), new("Direction", 0, 1),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets an ISS field of a trap class as a <see cref="BitField"/>.</summary>
    public static BitField IssField(TrapClassKind kind, string name)
    {
        var field = Array.Find(Iss(kind), f => f.Name == name) ?? throw new ArgumentException("No ISS field " + name + " in " + kind, nameof(name));
        return new BitField(field.Name, field.Lsb, field.Width, Diagnostics.SourceSpan.FileStart);
    }

    /// <summary>Gets the ISS key of the register with <paramref name="values"/> (in <see cref="TrapClassFields.KeyFieldNames"/> order).</summary>
    public static uint Key(TrapClassKind kind, int[] values)
    {
        var names = TrapClassFields.KeyFieldNames(kind);
        ulong key = 0;
        for (var i = 0; i < names.Length; i++)
        {
            key |= IssField(kind, names[i]).Insert(0, (ulong)values[i]);
        }

        return (uint)key;
    }

    /// <summary>
    /// Gets the smallest value a register's encoding field may take. op0 0 and 1 encode instructions
    /// (hints, SYS), not registers, so registers have op0 2 (debug) or 3.
    /// </summary>
    public static int MinimumRegisterValue(TrapClassKind kind, string field) =>
        kind == TrapClassKind.Aarch64 && field == "Op0" ? 2 : 0;
}

using System;
using System.Linq;

namespace TrapGen.Catalogue.Model;

/// <summary>The names of the ISS fields each trap class has, and which of them identify the register.</summary>
public static class TrapClassFields
{
    /// <summary>The transfer register.</summary>
    public const string Rt = "Rt";

    /// <summary>The second transfer register of MCRR/MRRC.</summary>
    public const string Rt2 = "Rt2";

    /// <summary>The direction: 1 = read (MRS/MRC/MRRC), 0 = write.</summary>
    public const string Direction = "Direction";

    /// <summary>Condition code valid.</summary>
    public const string CV = "CV";

    /// <summary>The condition code.</summary>
    public const string Cond = "COND";

    /// <summary>Gets the catalogue key under <c>syndrome:</c> for a trap class.</summary>
    public static string CatalogueKey(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => "aarch64",
        TrapClassKind.Cp15Register32 => "cp15_32",
        TrapClassKind.Cp15Register64 => "cp15_64",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

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

    /// <summary>Gets every field a layout of this class must declare.</summary>
    public static string[] RequiredFieldNames(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => [.. KeyFieldNames(kind), Rt, Direction],
        TrapClassKind.Cp15Register32 => [CV, Cond, .. KeyFieldNames(kind), Rt, Direction],
        TrapClassKind.Cp15Register64 => [CV, Cond, .. KeyFieldNames(kind), Rt, Rt2, Direction],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Gets whether <paramref name="fieldName"/> identifies the register in this class.</summary>
    public static bool IsKeyField(TrapClassKind kind, string fieldName) => KeyFieldNames(kind).Contains(fieldName);
}

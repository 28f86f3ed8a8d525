using System;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>The names of the generated types and members, in one place.</summary>
internal static class GeneratedNames
{
    public const string EsrFields = "EsrFields";
    public const string RegisterHalves = "RegisterHalves";
    public const string RegisterFile = "SystemRegisterFile";
    public const string Dispatcher = "TrapDispatcher";
    public const string Registry = "SystemRegisters";
    public const string RegisterEnum = "SystemRegister";
    public const string TrapGroupsEnum = "TrapGroups";
    public const string TrapResult = "TrapResult";
    public const string ExceptionClassEnum = "TrapExceptionClass";

    /// <summary>The prefix shared by every name of a trap class: <c>SysReg</c>, <c>Cp32</c>, <c>Cp64</c>.</summary>
    public static string Prefix(TrapClassKind kind) => kind switch
    {
        TrapClassKind.Aarch64 => "SysReg",
        TrapClassKind.Cp15Register32 => "Cp32",
        TrapClassKind.Cp15Register64 => "Cp64",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Iss(TrapClassKind kind) => Prefix(kind) + "Iss";

    public static string Syndrome(TrapClassKind kind) => Prefix(kind) + "Syndrome";

    public static string Keys(TrapClassKind kind) => Prefix(kind) + "Keys";

    public static string Dispatch(TrapClassKind kind) => "Dispatch" + Prefix(kind);

    public static string Handler(TrapClassKind kind, string name) => Prefix(kind) + "_" + name;

    /// <summary>The lower-case parameter name of a field: <c>crn</c>, <c>opc1</c>.</summary>
    public static string Parameter(string fieldName) => fieldName switch
    {
        "COND" => "cond",
        "CV" => "cv",
        _ => char.ToLowerInvariant(fieldName[0]) + fieldName.Substring(1).ToLowerInvariant(),
    };
}

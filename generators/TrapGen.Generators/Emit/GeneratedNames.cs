using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// The names of the generated types and members, in one place. The fixed types (TrapGen.Abstractions,
/// <see cref="FixedTypesEmitter"/>) are named as the per-catalogue code refers to them, <c>global::</c>-qualified:
/// that code lives in the project's namespace, whatever it is.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The namespace of the fixed types.</summary>
    public const string FixedNamespace = "TrapGen";

    public const string EsrFields = "global::" + FixedNamespace + ".EsrFields";
    public const string RegisterHalves = "global::" + FixedNamespace + ".RegisterHalves";
    public const string DispatchedAccess = "global::" + FixedNamespace + ".DispatchedAccessInfo";
    public const string Handling = "global::" + FixedNamespace + ".RegisterHandling";
    public const string View = "global::" + FixedNamespace + ".RegisterView";
    public const string TrapClass = "global::" + FixedNamespace + ".TrapClassKind";
    public const string RegisterFile = "SystemRegisterFile";
    public const string Dispatcher = "TrapDispatcher";
    public const string Registry = "SystemRegisters";
    public const string RegisterEnum = "SystemRegister";
    public const string TrapResult = "TrapResult";

    /// <summary>
    /// The prefix shared by every name of a trap class, its instruction as the enum names it: <c>Msr</c>,
    /// <c>Mcr</c>, <c>Mcrr</c> (<c>MsrIss</c>, <c>McrKeys</c>, <c>DispatchMcrr</c>, <c>Mcr_SCTLR</c>).
    /// </summary>
    public static string Prefix(TrapClassKind kind) => kind.ToString();

    public static string Iss(TrapClassKind kind) => "global::" + FixedNamespace + "." + Prefix(kind) + "Iss";

    public static string Syndrome(TrapClassKind kind) => "global::" + FixedNamespace + "." + Prefix(kind) + "Syndrome";

    /// <summary>A fixed type's metadata name: <c>TrapGen.EsrFields</c> for <c>global::TrapGen.EsrFields</c>.</summary>
    public static string MetadataName(string name) => name.Substring("global::".Length);

    /// <summary>A fixed type's name as its declaration writes it: <c>EsrFields</c> for <c>global::TrapGen.EsrFields</c>.</summary>
    public static string Unqualified(string name) => name.Substring(name.LastIndexOf('.') + 1);

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

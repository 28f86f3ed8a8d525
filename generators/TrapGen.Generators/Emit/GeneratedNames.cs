namespace TrapGen.Generators.Emit;

/// <summary>
/// The names of the generated types and members, in one place. The fixed types (TrapGen.Abstractions) are
/// named as the per-catalogue code refers to them, <c>global::</c>-qualified: that code lives in the project's
/// namespace, whatever it is. A trap class's names are made from its name (TrapGen.Architecture's
/// <c>TrapClass.Name</c>): <c>McrIss</c>, <c>McrKeys</c>, <c>DispatchMcr</c>, <c>McrTable</c>.
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
    public const string Form = "global::" + FixedNamespace + ".AccessForm";
    public const string Entry = "global::" + FixedNamespace + ".TrapEntry";
    public const string TrapResult = "global::" + FixedNamespace + ".TrapResult";
    public const string RegisterFile = "SystemRegisterFile";
    public const string Dispatcher = "TrapDispatcher";
    public const string Registry = "SystemRegisters";
    public const string RegisterEnum = "SystemRegister";
    public const string InstructionEnum = "CataloguedInstruction";

    /// <summary>The fixed ISS helpers of a class: <c>global::TrapGen.McrIss</c>.</summary>
    public static string Iss(string className) => "global::" + FixedNamespace + "." + className + "Iss";

    /// <summary>A fixed type's metadata name: <c>TrapGen.EsrFields</c> for <c>global::TrapGen.EsrFields</c>.</summary>
    public static string MetadataName(string name) => name.Substring("global::".Length);

    /// <summary>A fixed type's name as its declaration writes it: <c>EsrFields</c> for <c>global::TrapGen.EsrFields</c>.</summary>
    public static string Unqualified(string name) => name.Substring(name.LastIndexOf('.') + 1);

    /// <summary>A class's register keys: <c>McrKeys</c>.</summary>
    public static string Keys(string className) => className + "Keys";

    /// <summary>A class's dispatch method: <c>DispatchMcr</c>.</summary>
    public static string Dispatch(string className) => "Dispatch" + className;

    /// <summary>A class's dispatch table: <c>McrTable</c>.</summary>
    public static string Table(string className) => className + "Table";
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// Turns TrapGen.Architecture's <c>Tables/*.table</c> into C#: one file per table. A malformed row is
/// a TGA0001 error at its line and column in the table; the generator never throws.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ArchitectureTablesGenerator : IIncrementalGenerator
{
    private const string ControlsTable = "trap-controls.table";

    private const string RegistersTable = "aarch64-registers.table";

    private const string LayoutsTable = "layouts.table";

    private const string InstructionsTable = "aarch64-instructions.table";

    private const string FineGrainedTable = "fine-grained-traps.table";

    private const string ClassesTable = "trap-classes.table";

    private const string TrappedInstructionsTable = "trapped-instructions.table";

    /// <summary>The value of the MSBuild property <c>TrapGenTablesOutput</c> that makes a project (TrapGen.Abstractions) get the fixed types instead of the tables.</summary>
    private const string FixedTypesOutput = "FixedTypes";

    /// <summary>TrapGen's version, written into the fixed types' <c>[GeneratedCode]</c>.</summary>
    private static readonly string Version = typeof(ArchitectureTablesGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static readonly DiagnosticDescriptor MalformedRow = new(
        "TGA0001",
        "Malformed architecture table row",
        "{0}",
        "TrapGen.Architecture",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tables = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".table", System.StringComparison.Ordinal))
            .Select(static (file, token) => (Path: file.Path, Text: file.GetText(token)?.ToString() ?? string.Empty))
            .WithTrackingName("Tables");

        var controls = tables
            .Where(static table => Path.GetFileName(table.Path) == ControlsTable)
            .Select(static (table, _) => string.Join(",", KindTranslators.ControlNames(table.Text)))
            .Collect()
            .WithTrackingName("ControlNames");

        var registers = tables
            .Where(static table => Path.GetFileName(table.Path) == RegistersTable)
            .Select(static (table, _) => string.Join(",", KindTranslators.RegisterNames(table.Text)))
            .Collect()
            .WithTrackingName("RegisterNames");

        // Every access's name (trapped-instructions.table's instructions too), for checking fine-grained-traps.table; and
        // that table's text, whose rules join the accesses'.
        var accesses = tables
            .Where(static table => Path.GetFileName(table.Path) is RegistersTable or InstructionsTable or TrappedInstructionsTable)
            .Select(static (table, _) => string.Join(",", KindTranslators.AccessNames(Path.GetFileName(table.Path), table.Text)))
            .Collect()
            .WithTrackingName("AccessNames");

        var fineGrained = tables
            .Where(static table => Path.GetFileName(table.Path) == FineGrainedTable)
            .Select(static (table, _) => table.Text)
            .Collect()
            .WithTrackingName("FineGrainedTexts");

        var layouts = tables
            .Where(static table => Path.GetFileName(table.Path) == LayoutsTable)
            .Select(static (table, _) => table.Text)
            .Collect()
            .WithTrackingName("LayoutTexts");

        // TrapGen.Abstractions asks for the fixed types (TrapGenTablesOutput=FixedTypes); TrapGen.Architecture for the tables.
        var fixedTypes = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.TrapGenTablesOutput", out var output) && output == FixedTypesOutput)
            .WithTrackingName("Output");

        var references = controls.Combine(registers).Combine(accesses).Combine(fineGrained)
            .Select(static (pair, _) => new TableReferences(pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName("References");

        var outputs = tables.Combine(references).Combine(layouts).Combine(fixedTypes)
            .Select(static (pair, _) =>
            {
                var (table, references, layoutTexts, isFixedTypes) = (pair.Left.Left.Left, pair.Left.Left.Right, pair.Left.Right, pair.Right);
                var file = Path.GetFileName(table.Path);
                var output = !isFixedTypes
                    ? Translate(table.Path, table.Text, references, layoutTexts)
                    : file == ClassesTable
                        ? FixedTypesTable.Translate(string.Join("\n", layoutTexts), table.Text, Version)
                        : new TableOutput(file, null, []);
                return (table.Path, Output: output);
            })
            .WithTrackingName("Translated");

        // Hint names hash the table's path inside the project, never the absolute path: the same sources
        // built in another directory must give the same generated file names, and so the same bytes.
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : string.Empty)
            .WithTrackingName("ProjectDirectory");

        context.RegisterSourceOutput(outputs.Combine(projectDirectory), static (production, pair) =>
        {
            var item = pair.Left;
            foreach (var problem in item.Output.Problems)
            {
                var location = Location.Create(
                    item.Path,
                    new TextSpan(problem.Offset, problem.Length),
                    new LinePositionSpan(new LinePosition(problem.Line, problem.Column), new LinePosition(problem.Line, problem.Column + problem.Length)));
                production.ReportDiagnostic(Diagnostic.Create(MalformedRow, location, Path.GetFileName(item.Path) + ": " + problem.Message));
            }

            if (item.Output.Source is { } source)
            {
                // Unique per table file, so that a second table of one kind is a C# error, never an exception.
                production.AddSource(item.Output.HintName.Replace(".g.cs", "." + StableHash(ProjectRelative(item.Path, pair.Right)) + ".g.cs"), source);
            }
        });
    }

    /// <summary><paramref name="path"/> relative to <paramref name="projectDirectory"/> when inside it, with '/' separators.</summary>
    private static string ProjectRelative(string path, string projectDirectory)
    {
        var relative = projectDirectory.Length > 0 && path.StartsWith(projectDirectory, System.StringComparison.Ordinal)
            ? path.Substring(projectDirectory.Length)
            : path;
        return relative.Replace('\\', '/').TrimStart('/');
    }

    /// <summary>FNV-1a of the path, as eight hex digits: stable across runs and machines, unlike string.GetHashCode.</summary>
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static TableOutput Translate(string path, string text, TableReferences references, ImmutableArray<string> layoutTexts)
    {
        var file = Path.GetFileName(path);
        var registerLists = references.Registers;
        var controls = new Dictionary<string, string>();
        var qualifiers = new List<string>();
        foreach (var qualified in Names(references.Controls))
        {
            // A malformed trap-controls.table row (its own diagnostics) may give an entry without a register.
            var dot = qualified.IndexOf('.');
            if (qualified.EndsWith(KindTranslators.QualifierMark, System.StringComparison.Ordinal))
            {
                qualifiers.Add(qualified.Substring(0, qualified.Length - KindTranslators.QualifierMark.Length));
            }
            else if (dot > 0)
            {
                controls[qualified.Substring(dot + 1)] = qualified.Substring(0, dot);
            }
        }

        var fineGrained = FineGrainedTrapTable.Index(string.Join("\n", references.FineGrained));
        return file switch
        {
            RegistersTable => KindTranslators.Aarch64Registers(file, text, controls, fineGrained),
            "aarch64-128-bit-instructions.table" => KindTranslators.SystemInstructions128(file, text, new HashSet<string>(Names(references.Accesses), System.StringComparer.Ordinal)),
            "aarch64-128-bit-registers.table" => KindTranslators.Aarch64Registers128(file, text, controls, fineGrained, new HashSet<string>(Names(registerLists), System.StringComparer.Ordinal)),
            InstructionsTable => KindTranslators.SystemInstructions(file, text, controls, fineGrained),
            "aarch32-registers.table" => KindTranslators.Aarch32Registers(file, text, controls),
            FineGrainedTable => FineGrainedTrapTable.Translate(file, text, Names(references.Accesses), qualifiers),
            ControlsTable => KindTranslators.TrapControls(file, text),
            "exception-classes.table" => KindTranslators.ExceptionClasses(file, text),
            LayoutsTable => LayoutTable.Translate(file, text),
            ClassesTable => TrapClassTable.Translate(file, text, LayoutSections.Read(string.Join("\n", layoutTexts))),
            "register-fields.table" => RegisterFieldTable.Translate(file, text, Names(registerLists)),
            "features.table" => FeatureTable.Translate(file, text, Names(registerLists)),
            "register-requirements.table" => RequirementTable.Translate(file, text, Names(registerLists)),
            "cpu-models.table" => CpuModelTable.Translate(file, text, Names(registerLists)),
            "register-write-masks.table" => WriteMaskTable.Translate(file, text, Names(registerLists)),
            "cpu-implementers.table" => KindTranslators.CpuImplementers(file, text),
            "cpu-parts.table" => KindTranslators.CpuParts(file, text),
            "smccc-functions.table" => KindTranslators.SmcccFunctions(file, text),
            TrappedInstructionsTable => TrappedInstructionTable.Translate(file, text, controls, fineGrained),
            "range-traps.table" => RangeTrapTable.Translate(file, text, controls),
            "nv2-memory.table" => Nv2MemoryTable.Translate(file, text, new HashSet<string>(Names(registerLists), System.StringComparer.Ordinal)),
            "nv2-redirections.table" => Nv2RedirectionTable.Translate(file, text, new HashSet<string>(Names(registerLists), System.StringComparer.Ordinal)),
            _ => new TableOutput(file, null, [new TableProblem(0, 0, 0, 0, "unknown table '" + file + "': expected one of aarch64-registers, aarch64-128-bit-registers, aarch64-128-bit-instructions, aarch64-instructions, aarch32-registers, trap-controls, trapped-instructions, fine-grained-traps, trap-classes, exception-classes, layouts, register-fields, features, register-requirements, cpu-models, register-write-masks, cpu-implementers, cpu-parts, smccc-functions, range-traps, nv2-memory, nv2-redirections")]),
        };
    }

    /// <summary>The names of comma-joined lists, as one collection.</summary>
    private static List<string> Names(ImmutableArray<string> lists) =>
        lists.SelectMany(list => list.Split(',')).Where(name => name.Length > 0).ToList();
}

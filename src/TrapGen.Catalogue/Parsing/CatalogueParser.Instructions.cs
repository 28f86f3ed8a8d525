using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Validation;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>The <c>instructions:</c> list: System instructions by their architectural name.</summary>
internal sealed partial class CatalogueParser
{
    private InstructionDefinition? ParseInstruction(MappingReader reader)
    {
        var written = reader.String("name", required: true);
        var name = written is null ? null : string.Join(" ", written.Split([' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var description = reader.String("description", required: false) ?? string.Empty;
        var handling = ParseInstructionHandling(reader, name ?? "a System instruction");
        var hook = reader.String("hook", required: false);
        var traps = ParseTraps(reader, name ?? "a System instruction") ?? EquatableArray<TrapMembership>.Empty;
        if (name is null || handling is null)
        {
            return null;
        }

        if (SystemInstructions.TryFind(name, out var aarch64))
        {
            return new InstructionDefinition(
                aarch64.FullName, CSharpIdentifier.From(aarch64.FullName), description, aarch64.Encoding, null, aarch64.TakesRegister, aarch64.ExceptionLevel,
                handling.Value, hook, traps, reader.SpanOf("name"), reader.SpanOf("handling"), reader.SpanOf("hook"));
        }

        if (Aarch32Instruction(name) is { } aarch32)
        {
            return new InstructionDefinition(
                aarch32.Name, CSharpIdentifier.From(aarch32.Name), description, null, aarch32.Encoding, TakesRegister: true, aarch32.ExceptionLevel,
                handling.Value, hook, traps, reader.SpanOf("name"), reader.SpanOf("handling"), reader.SpanOf("hook"));
        }

        diagnostics.Report(reader.SpanOf("name"), InstructionMessages.Unknown(written!));
        return null;
    }

    /// <summary>
    /// Reads an instruction's handling. A register handling (raz-wi, constant, …) is TG0031, not a bare
    /// "invalid value": an instruction is executed, never read, so it has nothing to return.
    /// </summary>
    private InstructionHandling? ParseInstructionHandling(MappingReader reader, string owner)
    {
        if (reader.Optional("handling") is YamlScalarNode { Value: { } value } node
            && !CatalogueKeys.InstructionHandling.ContainsKey(value)
            && CatalogueKeys.Handling.ContainsKey(value))
        {
            diagnostics.Report(CatalogueRules.ReadHandlingOfInstruction, YamlSpans.Of(node), owner, value);
            return null;
        }

        return reader.Choice("handling", required: true, CatalogueKeys.InstructionHandling);
    }

    /// <summary>An AArch32 System instruction: a write-only cp15 MCR that no AArch64 register backs (DCCISW, TLBIALL, ICIALLU).</summary>
    private static Aarch32Register? Aarch32Instruction(string name) =>
        Aarch32Registers.Named(name).FirstOrDefault(r => r.IsSystemInstruction);
}

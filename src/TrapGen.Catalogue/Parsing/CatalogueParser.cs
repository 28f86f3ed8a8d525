using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// Turns registers.yaml text into a <see cref="RegisterCatalogue"/>. Reports every problem it can with
/// its position and keeps going, dropping only the entries it cannot understand.
/// </summary>
internal sealed partial class CatalogueParser(DiagnosticBag diagnostics)
{
    public RegisterCatalogue? Parse(string text)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException exception)
        {
            diagnostics.Report(CatalogueRules.MalformedYaml, YamlSpans.Between(exception.Start, exception.End), MessageOf(exception));
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet's scanner throws InvalidOperationException on some malformed input; that is malformed YAML too.
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
#pragma warning restore CA1031
        {
            var position = scanner.CurrentPosition;
            diagnostics.Report(CatalogueRules.ReaderStopped, YamlSpans.Between(position, position), exception.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var span = stream.Documents.Count == 0 ? SourceSpan.FileStart : YamlSpans.Of(stream.Documents[0].RootNode);
            diagnostics.Report(CatalogueRules.MissingKey, span, "the catalogue", "registers");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Report(CatalogueRules.SecondDocument, YamlSpans.Of(stream.Documents[1].RootNode));
        }

        var reader = new MappingReader(diagnostics, root, "the catalogue", CatalogueKeys.Root, CatalogueKeys.RetiredRoot);
        reader.Int("version", required: false, 1, 1, "the catalogue");
        var cpus = ParseCpus(reader);
        var groups = ParseTrapGroups(reader.Sequence("trap_groups", required: false));
        var hooks = ParseList(reader.Sequence("hooks", required: false), "hooks", ParseNamed);
        var emulators = ParseList(reader.Sequence("emulators", required: false), "emulators", ParseNamed);
        var registers = ParseList(reader.Sequence("registers", required: true), "registers", ParseRegister);
        var instructions = ParseList(reader.Sequence("instructions", required: false), "instructions", ParseInstruction);
        return new RegisterCatalogue(groups, hooks, emulators, registers) { Instructions = instructions, Cpus = cpus };
    }

    public static string MessageOf(YamlException exception)
    {
        var message = exception.InnerException?.Message ?? exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? message.Substring(marker + 3) : message;
    }

    private EquatableArray<T> ParseList<T>(YamlSequenceNode? sequence, string key, Func<MappingReader, T?> parse)
        where T : class, IEquatable<T>
    {
        var items = new List<T>();
        foreach (var node in sequence?.Children ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), MappingReader.Describe(node), key, "a mapping for each entry");
                continue;
            }

            var item = parse(new MappingReader(diagnostics, mapping, "an entry of " + key, KeysFor(key)));
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToEquatableArray();
    }

    private static string[] KeysFor(string listKey) => listKey switch
    {
        "trap_groups" => CatalogueKeys.TrapGroup,
        "registers" => CatalogueKeys.Register,
        "aarch32" => CatalogueKeys.Alias,
        "instructions" => CatalogueKeys.Instruction,
        _ => CatalogueKeys.Named,
    };

    private NamedEntry? ParseNamed(MappingReader reader)
    {
        var name = reader.String("name", required: true);
        var description = reader.String("description", required: false) ?? string.Empty;
        return name is null ? null : new NamedEntry(name, description, reader.SpanOf("name"));
    }

    private RegisterDefinition? ParseRegister(MappingReader reader)
    {
        var name = reader.String("name", required: true);
        var owner = name ?? "a register";
        var implementationDefined = reader.Choice("implementation_defined", required: false, CatalogueKeys.Booleans) ?? false;
        var architectural = ArchitecturalDefaults.Register(name, implementationDefined);
        // A register AArch32 alone has (JIDR, FPSID) is catalogued by its AArch32 name; its forms are its aliases.
        var aarch32Only = architectural is null && !implementationDefined && !reader.Has("encoding") ? ArchitecturalDefaults.Aarch32OnlyRows(name) : [];
        var ownForm = aarch32Only.Count > 0 ? aarch32Only[0] : null;
        var description = reader.String("description", required: false) ?? string.Empty;
        var encoding = reader.Has("encoding") ? ParseAarch64Encoding(reader, owner) : architectural?.Encoding;
        // A name the architecture lacks is reported by the validator, which needs the entry; every AArch64 register is 64 bits wide.
        var width = reader.Choice("width", required: false, CatalogueKeys.Widths)
            ?? architectural?.Width ?? (aarch32Only.Count > 0 ? ArchitecturalDefaults.WidthOf(aarch32Only) : implementationDefined ? null : 64);
        if (name is not null && architectural is null && aarch32Only.Count == 0 && !reader.Has("encoding"))
        {
            if (implementationDefined)
            {
                reader.Required("encoding");
            }
            else
            {
                diagnostics.Report(reader.SpanOf("name"), ArchitectureMessages.UnknownAarch64Name(name, null));
            }
        }
        else if (implementationDefined && width is null)
        {
            reader.Required("width");
        }

        var access = reader.Choice("access", required: false, CatalogueKeys.Access) ?? architectural?.Access ?? ownForm?.Access ?? RegisterAccess.ReadWrite;
        var handling = reader.Choice("handling", required: true, CatalogueKeys.Handling);
        var emulator = reader.String("emulator", required: false);
        var afterWrite = reader.String("after_write", required: false);
        var largest = width == 32 ? uint.MaxValue : ulong.MaxValue;
        var reset = reader.Number("reset", required: false, 0, largest, owner) ?? 0;
        var value = reader.Number("value", required: handling == RegisterHandling.Constant, 0, largest, owner);
        var fields = ParseFieldOverrides(reader, name, architectural?.Name);
        var otherNames = ParseNames(reader, "other_names");
        var traps = ParseTraps(reader, owner) ?? EquatableArray<TrapMembership>.Empty;
        var guestAarch32State = reader.Choice("guest_aarch32_state", required: false, CatalogueKeys.Booleans)
            ?? ArchitecturalDefaults.HoldsGuestAarch32State(architectural);
        var aliases = reader.Has("aarch32")
            ? ParseAliases(reader, owner, InheritedByViews(traps))
            : aarch32Only.Count > 0
                ? ArchitecturalDefaults.OwnForms(aarch32Only, width ?? 32, traps, reader.SpanOf("name"))
                : ArchitecturalDefaults.Aliases(architectural, InheritedByViews(traps), reader.SpanOf("name"));

        if (name is null || (encoding is null && aarch32Only.Count == 0) || width is null || handling is null)
        {
            return null;
        }

        var exceptionLevel = architectural?.ExceptionLevel ?? ownForm?.ExceptionLevel ?? El1Access.ExceptionLevelByOp1(encoding!.Op1);
        return new RegisterDefinition(
            name, description, encoding, width.Value, access, exceptionLevel,
            implementationDefined, handling.Value, emulator, afterWrite, reset, otherNames, traps, guestAarch32State, aliases,
            reader.SpanOf("name"), reader.SpanOf("encoding"), reader.SpanOf("width"), reader.SpanOf("access"), reader.SpanOf("other_names"),
            reader.SpanOf("handling"), reader.SpanOf("emulator"), reader.SpanOf("after_write"))
        {
            Value = value,
            ValueSpan = reader.SpanOf("value"),
            Fields = fields,
            FieldsSpan = reader.SpanOf("fields"),
            AliasesWritten = reader.Has("aarch32"),
        };
    }

    private EquatableArray<AliasDefinition> ParseAliases(MappingReader reader, string owner, EquatableArray<TrapMembership> registerTraps)
    {
        var aliases = new List<AliasDefinition>();
        foreach (var node in reader.Sequence("aarch32", required: false)?.Children ?? [])
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } aliasName })
            {
                aliases.AddRange(ParseAliasName(aliasName, YamlSpans.Of(node), owner, registerTraps));
            }
            else if (reader.AsMapping(node, "aarch32") is { } aliasNode
                && ParseAlias(new MappingReader(diagnostics, aliasNode, "an AArch32 alias of " + owner, CatalogueKeys.Alias), registerTraps) is { } alias)
            {
                aliases.Add(alias);
            }
        }

        return aliases.ToEquatableArray();
    }

    /// <summary>An alias written as its name alone: every AArch32 form (cp15, cp14 or cp10) the architecture gives that name.</summary>
    private IEnumerable<AliasDefinition> ParseAliasName(string name, SourceSpan span, string owner, EquatableArray<TrapMembership> registerTraps)
    {
        var rows = ArchitecturalDefaults.Aarch32Rows(name);
        if (rows.Count == 0)
        {
            diagnostics.Report(span, ArchitectureMessages.UnknownAarch32Name(name, owner));
        }

        return rows.Select(row => ArchitecturalDefaults.Alias(row, name, registerTraps, span));
    }

    private AliasDefinition? ParseAlias(MappingReader reader, EquatableArray<TrapMembership> registerTraps)
    {
        var name = reader.String("name", required: true);
        var owner = name ?? "an alias";
        var otherNames = ParseNames(reader, "other_names");
        Aarch32Encoding? encoding = null;
        Aarch32Register? architectural = null;
        if (reader.Has("mcr") && reader.Has("mcrr"))
        {
            diagnostics.Report(CatalogueRules.BothForms, reader.Span, owner);
        }
        else if (reader.Has("mcr") || reader.Has("mcrr"))
        {
            var form = reader.Has("mcr") ? AccessForm.Mcr : AccessForm.Mcrr;
            encoding = ParseCp15Encoding(reader, CatalogueSpelling.Of(form), form, owner);
            architectural = encoding is null || name is null ? null : ArchitecturalDefaults.Aarch32Row(name, form);
        }
        else if (name is not null)
        {
            var rows = ArchitecturalDefaults.Aarch32Rows(name);
            if (rows.Count == 1)
            {
                architectural = rows[0];
                encoding = architectural.Encoding;
            }
            else if (rows.Count > 1)
            {
                diagnostics.Report(CatalogueRules.FormNotChosen, reader.Span, owner);
            }
            else
            {
                diagnostics.Report(reader.SpanOf("name"), ArchitectureMessages.UnknownAarch32Name(name, null));
            }
        }

        var view = reader.Choice("view", required: false, CatalogueKeys.View);
        var traps = ParseTraps(reader, owner) ?? registerTraps;
        if (name is null || encoding is null || (view is null && reader.Has("view")))
        {
            return null;
        }

        var encodingKey = CatalogueSpelling.Of(encoding.Form);
        var defaultView = architectural?.View ?? RegisterView.Whole;
        return new AliasDefinition(
            name, otherNames, encoding, view ?? defaultView, traps, reader.SpanOf("name"),
            reader.Has(encodingKey) ? reader.SpanOf(encodingKey) : reader.SpanOf("name"),
            reader.Has("view") ? reader.SpanOf("view") : reader.SpanOf("name"));
    }

    private Aarch64Encoding? ParseAarch64Encoding(MappingReader reader, string owner)
    {
        var values = ParseEncodingFields(reader, "encoding", CatalogueKeys.Aarch64Encoding, TrapClasses.Msr, owner);
        return values is null ? null : new Aarch64Encoding(values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>A declared cp15 encoding (an IMPLEMENTATION DEFINED register's, or an architectural one written out).</summary>
    private Aarch32Encoding? ParseCp15Encoding(MappingReader reader, string key, AccessForm form, string owner)
    {
        if (form == AccessForm.Mcr)
        {
            var mcr = ParseEncodingFields(reader, key, CatalogueKeys.McrEncoding, TrapClasses.Mcr, owner);
            return mcr is null ? null : Aarch32Encoding.Cp15(form, mcr[0], mcr[1], mcr[2], mcr[3]);
        }

        var mcrr = ParseEncodingFields(reader, key, CatalogueKeys.McrrEncoding, TrapClasses.Mcrr, owner);
        return mcrr is null ? null : Aarch32Encoding.Cp15(form, mcrr[0], 0, mcrr[1], 0);
    }

    /// <summary>Reads an encoding mapping; each value's range comes from the architectural field width.</summary>
    private int[]? ParseEncodingFields(MappingReader owner, string key, string[] keys, TrapClass trapClass, string registerName)
    {
        if (owner.Mapping(key, required: true) is not { } node)
        {
            return null;
        }

        var reader = new MappingReader(diagnostics, node, key + " of " + registerName, keys);
        var layout = trapClass.Iss;
        var values = new int[keys.Length];
        var complete = true;
        for (var i = 0; i < keys.Length; i++)
        {
            var fieldName = CatalogueKeys.FieldName(keys[i]);
            var field = layout.Field(fieldName);
            var value = reader.Int(keys[i], required: true, CatalogueKeys.MinimumEncodingValue(trapClass, fieldName), (int)field.MaxValue, registerName);
            complete &= value.HasValue;
            values[i] = value ?? 0;
        }

        return complete ? values : null;
    }

    private EquatableArray<string> ParseNames(MappingReader reader, string key)
    {
        var names = new List<string>();
        foreach (var node in reader.Sequence(key, required: false)?.Children ?? [])
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                names.Add(value);
            }
            else
            {
                diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), MappingReader.Describe(node), key, "a register name");
            }
        }

        return names.ToEquatableArray();
    }

    private EquatableArray<TrapMembership>? ParseTraps(MappingReader reader, string owner)
    {
        if (!reader.Has("traps"))
        {
            return null;
        }

        var memberships = new List<TrapMembership>();
        if (reader.Mapping("traps", required: false) is not { } node)
        {
            return EquatableArray<TrapMembership>.Empty;
        }

        foreach (var pair in node.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } group }
                || pair.Value is not YamlScalarNode { Value: { } direction }
                || !CatalogueKeys.Direction.TryGetValue(direction, out var parsed))
            {
                diagnostics.Report(
                    CatalogueRules.InvalidMembership, YamlSpans.Of(pair.Value), MappingReader.Describe(pair.Value), owner,
                    string.Join(", ", CatalogueKeys.Direction.Keys));
                continue;
            }

            memberships.Add(new TrapMembership(group, parsed, YamlSpans.Of(pair.Key)));
        }

        return memberships.ToEquatableArray();
    }
}

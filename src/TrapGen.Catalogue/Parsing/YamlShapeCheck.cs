using System;
using System.Collections.Generic;
using System.IO;
using TrapGen.Catalogue.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// Reads the catalogue's YAML as a flat stream of parser events, before anything builds a tree from it,
/// and refuses it at the first event that breaks a <see cref="CatalogueLimits"/> limit: nesting deeper
/// than the limit (which would exhaust the compiler's stack in a recursive reader), or more nodes than
/// the limit once every alias is expanded (n anchors of n aliases each). Undefined aliases and syntax
/// errors are reported here too, at their own position. Nothing here recurses.
/// </summary>
internal sealed class YamlShapeCheck(DiagnosticBag diagnostics, CatalogueLimits limits)
{
    /// <summary>Gets whether the text may be loaded; reports why not.</summary>
    public bool Accepts(string text)
    {
        if (text.Length > limits.MaxCharacters)
        {
            diagnostics.Report(
                CatalogueRules.CatalogueTooLong, SourceSpan.FileStart,
                Decimal(text.Length), Decimal(limits.MaxCharacters), CatalogueLimits.HowToRaise(CatalogueLimits.MaxCharactersProperty));
            return false;
        }

        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var open = new Stack<(AnchorName Anchor, long Nodes)>();
        var weights = new Dictionary<AnchorName, long>();
        long total = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        var collection = (NodeEvent)parser.Current;
                        if (open.Count >= limits.MaxDepth)
                        {
                            return Refuse(collection, CatalogueRules.NestedTooDeep, open.Count + 1, limits.MaxDepth, CatalogueLimits.MaxDepthProperty);
                        }

                        open.Push((collection.Anchor, 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, nodes) = open.Pop();
                        if (!anchor.IsEmpty)
                        {
                            weights[anchor] = nodes;
                        }

                        if (!Add(ref total, open, nodes, parser.Current!))
                        {
                            return false;
                        }

                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            weights[scalar.Anchor] = 1;
                        }

                        if (!Add(ref total, open, 1, scalar))
                        {
                            return false;
                        }

                        break;
                    case AnchorAlias alias:
                        if (!weights.TryGetValue(alias.Value, out var expanded))
                        {
                            diagnostics.Report(CatalogueRules.UndefinedAlias, YamlSpans.Between(alias.Start, alias.End), alias.Value.ToString());
                            return false;
                        }

                        if (!Add(ref total, open, expanded, alias))
                        {
                            return false;
                        }

                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            // Where the reader found the problem (a tab in the indentation, not the scalar before it).
            var position = exception.End.Line > 0 && exception.End.Index > 0 ? exception.End : scanner.CurrentPosition;
            diagnostics.Report(CatalogueRules.MalformedYaml, YamlSpans.Between(position, position), CatalogueParser.MessageOf(exception));
            return false;
        }
#pragma warning disable CA1031 // YamlDotNet's scanner throws these on some malformed input; that is malformed YAML too.
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
#pragma warning restore CA1031
        {
            var position = scanner.CurrentPosition;
            diagnostics.Report(CatalogueRules.ReaderStopped, YamlSpans.Between(position, position), exception.Message);
            return false;
        }

        return true;
    }

    /// <summary>Counts <paramref name="nodes"/> towards the enclosing collection and the whole document; refuses past the limit.</summary>
    private bool Add(ref long total, Stack<(AnchorName Anchor, long Nodes)> open, long nodes, ParsingEvent at)
    {
        total += nodes;
        if (open.Count > 0)
        {
            var (anchor, count) = open.Pop();
            open.Push((anchor, count + nodes));
        }

        return total <= limits.MaxNodes
            || Refuse(at, CatalogueRules.TooManyNodes, total, limits.MaxNodes, CatalogueLimits.MaxNodesProperty);
    }

    /// <summary>Reports the case <paramref name="rule"/> of TG0025: <paramref name="count"/> over <paramref name="limit"/>, raised with <paramref name="property"/>.</summary>
    private bool Refuse(ParsingEvent at, DiagnosticRule rule, long count, long limit, string property)
    {
        diagnostics.Report(rule, YamlSpans.Between(at.Start, at.End), Decimal(count), Decimal(limit), CatalogueLimits.HowToRaise(property));
        return false;
    }
}

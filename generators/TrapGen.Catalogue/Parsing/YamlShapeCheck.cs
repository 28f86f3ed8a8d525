using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TrapGen.Catalogue.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
                CatalogueRules.LimitExceeded, SourceSpan.FileStart,
                Format("the catalogue is {0} characters long, over the limit of {1}", text.Length, limits.MaxCharacters),
                CatalogueLimits.HowToRaise(CatalogueLimits.MaxCharactersProperty));
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
                            return Refuse(collection, Format("the YAML nests {0} levels deep here, over the limit of {1}", open.Count + 1, limits.MaxDepth), CatalogueLimits.MaxDepthProperty);
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
                            diagnostics.Report(
                                CatalogueRules.MalformedYaml, YamlSpans.Between(alias.Start, alias.End),
                                "the alias *" + alias.Value + " refers to no anchor &" + alias.Value + " before it (an alias may not refer to a node that contains it)");
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
            diagnostics.Report(CatalogueRules.MalformedYaml, YamlSpans.Between(position, position), "the YAML reader stopped here (" + exception.Message + ")");
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
            || Refuse(at, Format("the YAML has {0} nodes by here, counting each alias as the nodes it stands for, over the limit of {1}", total, limits.MaxNodes), CatalogueLimits.MaxNodesProperty);
    }

    private bool Refuse(ParsingEvent at, string what, string property)
    {
        diagnostics.Report(CatalogueRules.LimitExceeded, YamlSpans.Between(at.Start, at.End), what, CatalogueLimits.HowToRaise(property));
        return false;
    }

    private static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}

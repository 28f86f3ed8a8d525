using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TrapGen.Generators.Analyzers;

/// <summary>What a constant's name says it is: the mask, shift or width of a field.</summary>
internal enum FieldPart
{
    Mask,
    Shift,
    Width,
}

/// <summary>
/// An integral constant named as part of a bit field: <c>HSR_SYSREG_CRN_MASK</c> or <c>CRnMask</c>
/// (<c>_SHIFT</c>/<c>Shift</c>, <c>_WIDTH</c>/<c>Width</c> likewise).
/// </summary>
/// <param name="Symbol">The constant.</param>
/// <param name="Field">The field's name: the constant's name without the suffix.</param>
/// <param name="Layout">The layout it belongs to: the containing type plus, for SNAKE_CASE, the prefix before the field.</param>
/// <param name="Part">Mask, shift or width.</param>
/// <param name="Value">Its value.</param>
internal sealed record MaskDeclaration(IFieldSymbol Symbol, string Field, string Layout, FieldPart Part, ulong Value)
{
    private static readonly (string Suffix, FieldPart Part)[] Suffixes =
    [
        ("_MASK", FieldPart.Mask), ("_SHIFT", FieldPart.Shift), ("_WIDTH", FieldPart.Width),
        ("Mask", FieldPart.Mask), ("Shift", FieldPart.Shift), ("Width", FieldPart.Width),
    ];

    public static IEnumerable<MaskDeclaration> In(INamedTypeSymbol type)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue || !ConstantValues.TryGet(field.ConstantValue, out var value))
            {
                continue;
            }

            foreach (var (suffix, part) in Suffixes)
            {
                if (field.Name.Length > suffix.Length && field.Name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    var stem = field.Name.Substring(0, field.Name.Length - suffix.Length);
                    var underscore = suffix[0] == '_' ? stem.LastIndexOf('_') : -1;
                    var layout = type.ToDisplayString() + "." + (underscore > 0 ? stem.Substring(0, underscore) : string.Empty);
                    yield return new MaskDeclaration(field, stem, layout, part, value);
                    break;
                }
            }
        }
    }
}

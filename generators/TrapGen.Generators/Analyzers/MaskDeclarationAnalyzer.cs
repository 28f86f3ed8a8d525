using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TrapGen.Architecture;

namespace TrapGen.Generators.Analyzers;

/// <summary>
/// TG1001 and TG1005 on declared constants: a field's mask must be one run of bits starting at its shift
/// and as wide as its declared width; the fields of one layout must not share bits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaskDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key under which a diagnostic carries the corrected literal (a mask, or a shift or width), for the code fix.</summary>
    public const string CorrectMaskKey = "CorrectMask";

    /// <summary>The attribute that declares a constant's field explicitly: TrapGen.Runtime's, or any of that name with (lsb, width).</summary>
    private const string BitFieldAttributeName = "BitFieldAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [BitFieldRules.MaskShiftMismatch, BitFieldRules.OverlappingFields];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            CheckDeclaredField(context, field);
        }

        var declarations = MaskDeclaration.In(type).ToList();
        foreach (var field in declarations.GroupBy(d => (d.Layout, d.Field)))
        {
            var mask = field.FirstOrDefault(d => d.Part == FieldPart.Mask);
            var shift = field.FirstOrDefault(d => d.Part == FieldPart.Shift);
            var width = field.FirstOrDefault(d => d.Part == FieldPart.Width);
            if (mask is not null && (shift is not null || width is not null) && !HasBitFieldAttribute(mask.Symbol))
            {
                CheckField(context, mask, shift, width);
            }
        }

        foreach (var layout in declarations.Where(d => d.Part == FieldPart.Mask && d.Value != 0).GroupBy(d => d.Layout))
        {
            CheckOverlaps(context, layout.ToList());
        }
    }

    /// <summary>Adds the generated constant of <paramref name="field"/>, when there is one, for the code fix to offer.</summary>
    internal static ImmutableDictionary<string, string?> WithGeneratedMask(ImmutableDictionary<string, string?> properties, KnownSyndromeField? field) =>
        field?.GeneratedMask is { } generated ? properties.Add(KnownSyndromeField.GeneratedMaskKey, generated) : properties;

    private static bool HasBitFieldAttribute(IFieldSymbol field) =>
        field.GetAttributes().Any(a => a.AttributeClass?.Name == BitFieldAttributeName);

    /// <summary>A constant with <c>[BitField(lsb, width)]</c>: a mask must be that field's mask, a shift its lsb, a width its width.</summary>
    private static void CheckDeclaredField(SymbolAnalysisContext context, IFieldSymbol field)
    {
        var attribute = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == BitFieldAttributeName && a.ConstructorArguments.Length == 2);
        if (attribute is null || !field.HasConstantValue || !ConstantValues.TryGet(field.ConstantValue, out var value)
            || attribute.ConstructorArguments[0].Value is not int lsb || attribute.ConstructorArguments[1].Value is not int width
            || lsb < 0 || width <= 0 || lsb + width > 64)
        {
            return;
        }

        var mask = BitField.MaskOf(lsb, width);
        var declared = "disagrees with its [BitField(" + lsb.ToString(CultureInfo.InvariantCulture) + ", " + width.ToString(CultureInfo.InvariantCulture) + ")]";
        var (expected, isRight) = field.Name.EndsWith("Shift", System.StringComparison.Ordinal) || field.Name.EndsWith("_SHIFT", System.StringComparison.Ordinal)
            ? ((ulong)lsb, value == (ulong)lsb)
            : field.Name.EndsWith("Width", System.StringComparison.Ordinal) || field.Name.EndsWith("_WIDTH", System.StringComparison.Ordinal)
                ? ((ulong)width, value == (ulong)width)
                : (mask, value == mask);
        if (isRight)
        {
            return;
        }

        var known = KnownSyndromeField.Exactly(lsb, width);
        var correct = expected == mask ? BitMask.Hex(expected) : expected.ToString(CultureInfo.InvariantCulture);
        context.ReportDiagnostic(Diagnostic.Create(
            BitFieldRules.MaskShiftMismatch,
            field.Locations.FirstOrDefault(),
            WithGeneratedMask(ImmutableDictionary<string, string?>.Empty.Add(CorrectMaskKey, correct), expected == mask ? known : null),
            field.Name,
            expected == mask ? BitMask.Hex(value) : value.ToString(CultureInfo.InvariantCulture),
            declared,
            width,
            lsb,
            BitMask.Hex(mask),
            known is null ? string.Empty : " (" + known.Describe() + ")"));
    }

    private static void CheckField(SymbolAnalysisContext context, MaskDeclaration mask, MaskDeclaration? shift, MaskDeclaration? width)
    {
        var value = mask.Value;
        if (value == 0)
        {
            return;
        }

        var lsb = shift is not null ? (int)shift.Value : BitMask.LowestSetBit(value);
        var msb = BitMask.HighestSetBit(value);
        string problem;
        int expectedWidth;
        if (!BitMask.IsContiguous(value))
        {
            problem = "is not one run of bits";
            expectedWidth = width is not null ? (int)width.Value : msb - lsb + 1;
        }
        else if (BitMask.LowestSetBit(value) != lsb)
        {
            problem = "starts at bit " + BitMask.LowestSetBit(value).ToString(CultureInfo.InvariantCulture) + ", but " + shift!.Symbol.Name + " is " + lsb.ToString(CultureInfo.InvariantCulture);

            // A mask that starts above its shift most often lost its low bits (Xen's 0x3800 for CRn at 10): keep its top bit.
            expectedWidth = width is not null ? (int)width.Value : BitMask.LowestSetBit(value) > lsb ? msb - lsb + 1 : BitMask.PopCount(value);
        }
        else if (width is not null && BitMask.PopCount(value) != (int)width.Value)
        {
            problem = "is " + BitMask.PopCount(value).ToString(CultureInfo.InvariantCulture) + " bits wide, but " + width.Symbol.Name + " is " + width.Value.ToString(CultureInfo.InvariantCulture);
            expectedWidth = (int)width.Value;
        }
        else
        {
            return;
        }

        if (expectedWidth <= 0 || lsb < 0 || lsb + expectedWidth > 64)
        {
            return;
        }

        var expected = BitField.MaskOf(lsb, expectedWidth);
        var known = KnownSyndromeField.Exactly(lsb, expectedWidth);
        var properties = WithGeneratedMask(ImmutableDictionary<string, string?>.Empty.Add(CorrectMaskKey, BitMask.Hex(expected)), known);
        context.ReportDiagnostic(Diagnostic.Create(
            BitFieldRules.MaskShiftMismatch,
            mask.Symbol.Locations.FirstOrDefault(),
            properties,
            mask.Symbol.Name,
            BitMask.Hex(value),
            problem,
            expectedWidth,
            lsb,
            BitMask.Hex(expected),
            known is null ? string.Empty : " (" + known.Describe() + ")"));
    }

    private static void CheckOverlaps(SymbolAnalysisContext context, System.Collections.Generic.List<MaskDeclaration> masks)
    {
        for (var i = 0; i < masks.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (masks[j].Value, masks[i].Value);
                var shared = a & b;

                // A mask that contains another is a composite (Xen's HSR_SYSREG_REGS_MASK), not a field.
                if (shared == 0 || shared == a || shared == b)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    BitFieldRules.OverlappingFields,
                    masks[i].Symbol.Locations.FirstOrDefault(),
                    masks[i].Symbol.Name,
                    BitMask.Hex(b),
                    masks[j].Symbol.Name,
                    BitMask.Hex(a),
                    BitMask.Hex(shared)));
            }
        }
    }
}

using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TrapGen.Architecture;

namespace TrapGen.Generators.Analyzers;

/// <summary>
/// TG1002 and TG1003 on expressions that mask and shift: <c>(esr &amp; 0x3800) &gt;&gt; 10</c> and
/// <c>(esr &gt;&gt; 10) &amp; 0x7</c> must extract a field of ESR_EL2 / HSR or of any ISS layout, or a
/// union of whole fields of one layout (when the value is named as a syndrome: esr, hsr, iss,
/// syndrome); <c>(x &gt;&gt; 10) &amp; 0x3C00</c> masks with the unshifted mask, whatever x is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SyndromeExpressionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] SyndromeNames = ["esr", "hsr", "iss", "syndrome"];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [BitFieldRules.UnknownSyndromeField, BitFieldRules.UnshiftedMask];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.Binary);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var operation = (IBinaryOperation)context.Operation;
        switch (operation.OperatorKind)
        {
            case BinaryOperatorKind.And:
                AnalyzeShiftThenMask(context, operation);
                break;
            case BinaryOperatorKind.RightShift:
                AnalyzeMaskThenShift(context, operation);
                break;
        }
    }

    /// <summary><c>(value &gt;&gt; shift) &amp; mask</c>.</summary>
    private static void AnalyzeShiftThenMask(OperationAnalysisContext context, IBinaryOperation and)
    {
        if (!TrySplit(and, out var shiftOperation, out var maskOperand, out var mask)
            || ConstantValues.Unwrap(shiftOperation) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.RightShift } shift
            || !ConstantValues.TryGet(shift.RightOperand, out var shiftBy) || shiftBy is 0 or >= 64 || mask == 0)
        {
            return;
        }

        var by = (int)shiftBy;
        if (BitMask.LowestSetBit(mask) == by && (BitMask.IsContiguous(mask) || KnownSyndromeField.IsFieldOrComposite(mask)))
        {
            Report(context, BitFieldRules.UnshiftedMask, maskOperand, BitMask.Hex(mask >> by), null, and.Syntax.ToString(), by.ToString(CultureInfo.InvariantCulture), BitMask.Hex(mask), BitMask.Hex(mask >> by));
            return;
        }

        if (!IsSyndrome(shift.LeftOperand) || (mask << by >> by == mask && KnownSyndromeField.IsFieldOrComposite(mask << by)))
        {
            return;
        }

        var width = BitMask.HighestSetBit(mask) + 1;
        var meant = KnownSyndromeField.ProbablyMeant(by, width);
        var correct = meant.Lsb == by ? BitField.MaskOf(0, meant.Width) : meant.Mask;
        var suggestion = meant.Lsb == by ? BitMask.Hex(correct) + " after the shift (" + BitMask.Hex(meant.Mask) + " before it)" : BitMask.Hex(meant.Mask) + " before the shift";
        Report(context, BitFieldRules.UnknownSyndromeField, maskOperand, meant.Lsb == by ? BitMask.Hex(correct) : null, null, and.Syntax.ToString(), "[" + BitField.Range(by, width) + "]", meant.Describe(), suggestion);
    }

    /// <summary><c>(value &amp; mask) &gt;&gt; shift</c>.</summary>
    private static void AnalyzeMaskThenShift(OperationAnalysisContext context, IBinaryOperation shift)
    {
        if (!ConstantValues.TryGet(shift.RightOperand, out var shiftBy) || shiftBy is 0 or >= 64
            || ConstantValues.Unwrap(shift.LeftOperand) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and
            || !TrySplit(and, out var value, out var maskOperand, out var mask) || mask == 0 || !IsSyndrome(value))
        {
            return;
        }

        var lsb = BitMask.LowestSetBit(mask);
        var msb = BitMask.HighestSetBit(mask);
        if (lsb == (int)shiftBy && KnownSyndromeField.IsFieldOrComposite(mask))
        {
            return;
        }

        var meant = KnownSyndromeField.ProbablyMeant((int)shiftBy, Math.Max(1, msb - (int)shiftBy + 1));
        Report(context, BitFieldRules.UnknownSyndromeField, maskOperand, meant.Lsb == (int)shiftBy ? BitMask.Hex(meant.Mask) : null, meant.Lsb == (int)shiftBy ? meant : null, shift.Syntax.ToString(), "[" + BitField.Range(lsb, msb - lsb + 1) + "]", meant.Describe(), BitMask.Hex(meant.Mask));
    }

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor rule, IOperation maskOperand, string? correctMask, KnownSyndromeField? generated, params object[] arguments)
    {
        var properties = correctMask is null
            ? ImmutableDictionary<string, string?>.Empty
            : MaskDeclarationAnalyzer.WithGeneratedMask(ImmutableDictionary<string, string?>.Empty.Add(MaskDeclarationAnalyzer.CorrectMaskKey, correctMask), generated);
        context.ReportDiagnostic(Diagnostic.Create(rule, maskOperand.Syntax.GetLocation(), properties, arguments));
    }

    /// <summary>Splits <c>a &amp; b</c> into the operand that is not constant and the constant mask.</summary>
    private static bool TrySplit(IBinaryOperation and, out IOperation other, out IOperation maskOperand, out ulong mask)
    {
        if (ConstantValues.TryGet(and.RightOperand, out mask))
        {
            (other, maskOperand) = (and.LeftOperand, and.RightOperand);
            return !ConstantValues.TryGet(other, out _);
        }

        if (ConstantValues.TryGet(and.LeftOperand, out mask))
        {
            (other, maskOperand) = (and.RightOperand, and.LeftOperand);
            return true;
        }

        (other, maskOperand) = (and.LeftOperand, and.RightOperand);
        return false;
    }

    private static bool IsSyndrome(IOperation operation)
    {
        var name = ConstantValues.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => string.Empty,
        };
        foreach (var syndrome in SyndromeNames)
        {
            if (name.IndexOf(syndrome, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

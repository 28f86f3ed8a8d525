using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TrapGen.Generators.Analyzers;

/// <summary>
/// TG1004: the ways a 64-bit register value goes wrong when built from, or written as, 32-bit halves:
/// a 32-bit value shifted by 32 or more (C# masks the count to 5 bits, so <c>hi &lt;&lt; 32</c> is <c>hi</c>),
/// a signed low word OR-ed into a 64-bit value (sign extension fills the high half), and a truncated
/// <c>(uint)</c> value written to a register whose LO/HI view preserves the other half.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HalfCompositionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The key naming the fix: <see cref="WidenFix"/>, <see cref="UnsignedFix"/> or a property name to assign instead.</summary>
    public const string FixKey = "Fix";

    /// <summary>Widen the shifted operand to ulong.</summary>
    public const string WidenFix = "widen";

    /// <summary>Convert the low word to uint before it is widened.</summary>
    public const string UnsignedFix = "unsigned";

    private const int WordBits = 32;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [BitFieldRules.HalfComposition];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeBinary, OperationKind.Binary);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    private static void AnalyzeBinary(OperationAnalysisContext context)
    {
        var operation = (IBinaryOperation)context.Operation;
        if (operation.OperatorKind == BinaryOperatorKind.LeftShift
            && Is32Bit(operation.Type)
            && operation.RightOperand.ConstantValue is { HasValue: true, Value: int count } && count >= WordBits)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                BitFieldRules.HalfComposition,
                operation.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKey, WidenFix),
                string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' shifts a 32-bit {1} by {2}, but C# uses only the low 5 bits of the count, so it shifts by {3}; widen it first: '(ulong){4} << {2}'",
                    operation.Syntax,
                    operation.Type!.ToDisplayString(),
                    count,
                    count & (WordBits - 1),
                    operation.LeftOperand.Syntax)));
            return;
        }

        if (operation.OperatorKind is BinaryOperatorKind.Or or BinaryOperatorKind.Add && Is64Bit(operation.Type))
        {
            foreach (var (half, other) in new[] { (operation.LeftOperand, operation.RightOperand), (operation.RightOperand, operation.LeftOperand) })
            {
                if (IsHighHalf(other) && ConstantValues.Unparenthesized(half) is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_Int32 } conversion && !conversion.Operand.ConstantValue.HasValue)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        BitFieldRules.HalfComposition,
                        conversion.Operand.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(FixKey, UnsignedFix),
                        "The low word '" + conversion.Operand.Syntax + "' is a signed int: widening it sign-extends, so a negative value sets all of bits [63:32]; convert it to uint first: '(uint)" + conversion.Operand.Syntax + "'"));
                }
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || property.ContainingType?.Name != "SystemRegisterFile"
            || !Is64Bit(property.Type)
            || !IsTruncatedTo32Bits(assignment.Value))
        {
            return;
        }

        var lo = property.ContainingType.GetMembers(property.Name + "_Lo").OfType<IPropertySymbol>().FirstOrDefault();
        if (lo is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            BitFieldRules.HalfComposition,
            assignment.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FixKey, lo.Name),
            "Writing the 32-bit value '" + Unconverted(assignment.Value).Syntax + "' to " + property.Name + " clears bits [63:32]; its AArch32 view preserves them: assign " + lo.Name + " instead"));
    }

    private static bool IsHighHalf(IOperation operation) =>
        ConstantValues.Unwrap(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } shift
        && shift.RightOperand.ConstantValue is { HasValue: true, Value: int count } && count == WordBits;

    private static bool IsTruncatedTo32Bits(IOperation value) =>
        value is IConversionOperation { IsImplicit: true, Operand.Type.SpecialType: SpecialType.System_UInt32 or SpecialType.System_Int32 } conversion
        && !conversion.Operand.ConstantValue.HasValue;

    private static IOperation Unconverted(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;

    private static bool Is32Bit(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;

    private static bool Is64Bit(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64;
}

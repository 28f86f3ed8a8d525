using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TrapGen.Generators.Analyzers;

/// <summary>What the analyzers need from operations and constants: non-negative integral values, and operands without implicit conversions.</summary>
internal static class ConstantValues
{
    /// <summary>Reads a non-negative integral constant of any width as a ulong.</summary>
    public static bool TryGet(object? constant, out ulong value)
    {
        switch (constant)
        {
            case int i when i >= 0: value = (ulong)i; return true;
            case uint u: value = u; return true;
            case long l when l >= 0: value = (ulong)l; return true;
            case ulong ul: value = ul; return true;
            case ushort us: value = us; return true;
            case byte b: value = b; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>Reads <paramref name="operation"/>'s constant value, when it has a non-negative integral one.</summary>
    public static bool TryGet(IOperation operation, out ulong value)
    {
        value = 0;
        return operation.ConstantValue.HasValue && TryGet(operation.ConstantValue.Value, out value);
    }

    /// <summary>Strips parentheses and implicit conversions.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>Strips parentheses only.</summary>
    public static IOperation Unparenthesized(IOperation operation)
    {
        while (operation is IParenthesizedOperation parenthesized)
        {
            operation = parenthesized.Operand;
        }

        return operation;
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// Walks the values a pipeline step produced and reports any Roslyn object that would defeat caching
/// or keep a compilation alive: symbols, syntax, compilations, semantic models.
/// </summary>
internal static class StepOutputInspector
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree)];

    public static IEnumerable<string> FindForbidden(object? value, string path = "output", int depth = 0, HashSet<object>? seen = null)
    {
        seen ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            yield break;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            yield break;
        }

        var type = value.GetType();
        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            yield return path + ": " + type.Name;
            yield break;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                foreach (var found in FindForbidden(item, path + "[" + index++ + "]", depth + 1, seen))
                {
                    yield return found;
                }
            }

            yield break;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var found in FindForbidden(field.GetValue(value), path + "." + field.Name, depth + 1, seen))
            {
                yield return found;
            }
        }
    }
}

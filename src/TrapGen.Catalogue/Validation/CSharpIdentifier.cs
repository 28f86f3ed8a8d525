using System.Collections.Generic;
using TrapGen.Architecture;

namespace TrapGen.Catalogue.Validation;

/// <summary>Decides whether a catalogue name can be emitted as a C# identifier as it is, and makes one of an architectural name.</summary>
public static class CSharpIdentifier
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>Gets whether <paramref name="name"/> is an ASCII identifier that is not a C# keyword.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name) || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes an architectural name an identifier: every character but letters, digits and '_' becomes '_',
    /// and one that would start with a digit gets a leading '_' (DC CISW is DC_CISW).
    /// </summary>
    public static string From(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 1);
        foreach (var character in name)
        {
            builder.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}

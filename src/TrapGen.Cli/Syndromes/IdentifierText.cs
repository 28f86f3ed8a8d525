using System.IO;
using TrapGen.Architecture;
using TrapGen.Decoding;

namespace TrapGen.Cli.Syndromes;

/// <summary>Prints a decoded MIDR or SMCCC function ID as a block: its fields, the summary and any warnings.</summary>
internal static class IdentifierText
{
    public static void Write(IdentifierDescription identifier, TextWriter output)
    {
        output.WriteLine((identifier.Kind == "midr" ? "MIDR " : "SMCCC function ID ") + identifier.Value);
        var table = new TextTable(string.Empty, string.Empty, string.Empty, string.Empty);
        foreach (var field in identifier.Fields)
        {
            table.Add("  " + field.Name, "[" + BitField.Range(field.Lsb, field.Width) + "]", field.ValueText, field.Meaning ?? string.Empty);
        }

        table.WriteBodyTo(output);
        output.WriteLine("  summary      " + identifier.Summary);
        foreach (var warning in identifier.Warnings)
        {
            output.WriteLine("  warning      " + warning);
        }
    }
}

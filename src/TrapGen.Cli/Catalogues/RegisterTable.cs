using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Cli.Catalogues;

/// <summary>The registry as <c>trapgen list</c> prints it: a register a line, its AArch32 aliases indented below.</summary>
internal static class RegisterTable
{
    public static void Write(CatalogueListing listing, TextWriter output)
    {
        output.WriteLine("Catalogue " + listing.Source + ": "
            + listing.Registers.Count.ToString(CultureInfo.InvariantCulture) + " registers, "
            + listing.Registers.Sum(r => r.Aliases.Count).ToString(CultureInfo.InvariantCulture) + " AArch32 aliases, "
            + listing.Instructions.Count.ToString(CultureInfo.InvariantCulture) + " System instructions");
        var table = new TextTable("REGISTER", "ENCODING", "WIDTH", "HANDLING", "TRAPS", "KEY");
        foreach (var register in listing.Registers)
        {
            var name = register.OtherNames.Count == 0 ? register.Name : register.Name + " (" + string.Join(", ", register.OtherNames) + ")";
            var key = register.Aarch64Dispatched ? register.SyndromeKey : "-  (AArch32 only)";
            table.Add(name, register.Encoding?.Generic ?? "-", Width(register.Width), register.HandlingPhrase, Traps(register.Traps), key);
            foreach (var alias in register.Aliases)
            {
                var aliasName = alias.OtherNames.Count == 0 ? alias.Name : alias.Name + " (" + string.Join(", ", alias.OtherNames) + ")";
                table.Add("  " + aliasName, alias.Text, Width(alias.AccessWidth) + " " + alias.View, string.Empty, Traps(alias.Traps), alias.SyndromeKey);
            }
        }

        foreach (var instruction in listing.Instructions)
        {
            var handling = instruction.Hook is { } hook ? instruction.Handling + " " + hook : instruction.Handling;
            var encoding = instruction.Encoding?.Generic ?? "mcr " + instruction.Cp15;
            table.Add(instruction.Name, encoding, "-", handling, Traps(instruction.Traps), instruction.SyndromeKey);
        }

        table.WriteTo(output);
    }

    private static string Width(int width) => width.ToString(CultureInfo.InvariantCulture);

    private static string Traps(IReadOnlyList<TrapListing> traps) =>
        traps.Count == 0 ? "-" : string.Join(" ", traps.Select(t => t.Group + ":" + t.Direction));
}

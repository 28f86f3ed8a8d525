using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Decoding;

namespace TrapGen.Cli.Syndromes;

/// <summary>Prints a decoded syndrome as a block: ESR fields, ISS fields, the instruction and the register.</summary>
internal static class SyndromeText
{
    public static void Write(SyndromeDescription syndrome, TextWriter output)
    {
        output.WriteLine("ESR " + syndrome.Esr);
        var table = new TextTable(string.Empty, string.Empty, string.Empty, string.Empty);
        foreach (var field in Layouts.Esr.Layout.Fields.Where(f => f != Layouts.Esr.ISS2))
        {
            var bits = Bits(field.Lsb, field.Width);
            switch (field.Name)
            {
                case "EC":
                    table.Add("  EC", bits, syndrome.Ec, syndrome.EcName);
                    break;
                case "IL":
                    table.Add("  IL", bits, syndrome.Il.ToString(CultureInfo.InvariantCulture), EsrWords.InstructionLength(syndrome.Il));
                    break;
                default:
                    table.Add("  ISS", bits, syndrome.Iss, syndrome.Layout is null ? EsrWords.NoLayout : string.Empty);
                    break;
            }
        }

        if (syndrome.Iss2 is { } iss2)
        {
            table.Add("  ISS2", Bits(Layouts.Esr.ISS2.Lsb, Layouts.Esr.ISS2.Width), iss2, string.Empty);
        }

        foreach (var field in syndrome.Fields)
        {
            table.Add("    " + field.Name, Bits(field.Lsb, field.Width), field.ValueText, field.Meaning ?? string.Empty);
        }

        foreach (var field in syndrome.Iss2Fields)
        {
            table.Add("    ISS2." + field.Name, Bits(field.Lsb + Layouts.Esr.ISS2.Lsb, field.Width), field.ValueText, field.Meaning ?? string.Empty);
        }

        table.WriteBodyTo(output);
        if (syndrome.Summary is { } summary)
        {
            output.WriteLine("  summary      " + summary);
        }

        if (syndrome.FaultAddress is { } faultAddress)
        {
            output.WriteLine("  FAR_EL2      " + faultAddress);
        }

        if (syndrome.Instruction is { } instruction)
        {
            var condition = syndrome.ConditionValid == false ? "   (CV = 0: the condition is not reported)" : string.Empty;
            output.WriteLine("  instruction  " + instruction + condition);
            if (syndrome.TrapClass is not null)
            {
                output.WriteLine("  register     " + (syndrome.Register?.Summary ?? RegisterText.None(syndrome.ArchitecturalName, syndrome.ArchitecturalMapping)));
            }

            if (syndrome.TrappedBy is { } rules)
            {
                output.WriteLine("  trapped by   " + (rules.Count == 0 && UntrappableInstruction(syndrome.ArchitecturalName) is { } name
                    ? "nothing: " + name + "'s EL1 pseudocode checks no EL2 trap control (the architecture's table gives it none)"
                    : TrapRuleText.Describe(rules)));
            }
        }

        else if (syndrome.TrappedBy is { } instructionRules)
        {
            // A syndrome that does not say which instruction trapped (EC 0x07): what traps the group.
            output.WriteLine("  trapped by   " + TrapRuleText.Describe(instructionRules));
        }

        if (syndrome.Cpu is { } cpu)
        {
            output.WriteLine("  cpu          " + cpu.Summary);
        }

        foreach (var warning in syndrome.Warnings)
        {
            output.WriteLine("  warning      " + warning);
        }
    }

    private static string Bits(int lsb, int width) =>
        "[" + BitField.Range(lsb, width) + "]";

    /// <summary>
    /// The name of a System instruction of the architecture that no EL2 control traps at EL1 (GCSPOPM, GCSSS1), when
    /// <paramref name="name"/> is one; null otherwise, as for a register, whose generic text stands.
    /// </summary>
    private static string? UntrappableInstruction(string? name) =>
        name is not null && SystemInstructions.TryFind(name, out var instruction) && instruction.Traps.Count == 0 ? instruction.FullName : null;
}

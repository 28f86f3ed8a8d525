using System.CommandLine;
using System.IO;
using TrapGen.Cli.Syndromes;
using TrapGen.Decoding;

namespace TrapGen.Cli.Commands;

/// <summary><c>trapgen decode &lt;esr&gt;...</c>: what a syndrome says, and which catalogued register it reaches.</summary>
internal static class DecodeCommand
{
    public static Command Create(TextReader input) => ValueCommand.Create(
        new ValueCommand.Definition<SyndromeDescription>(
            "decode",
            "Decode ESR_EL2 / HSR values: exception class, IL, every ISS field, the instruction and the catalogued register.",
            "esr",
            "ESR_EL2 / HSR values in hexadecimal (0x optional).",
            "ESR values",
            (value, model) => EsrValue.TryParse(value.Text, out var esr, out var error) ? SyndromeDescription.From(esr, model) : throw new CliException(value.Origin + ": " + error),
            CliJsonContext.Default.SyndromeDescription,
            SyndromeText.Write,
            SyndromeJson.Write),
        input,
        new ValueAlternative<IdentifierDescription>(
            new Option<bool>("--midr") { Description = "Read the values as MIDR_EL1 / MIDR: implementer, variant, architecture, part and revision." },
            value => MidrDescription.TryDecode(value.Text, out var midr, out var error) ? midr : throw new CliException(value.Origin + ": " + error),
            CliJsonContext.Default.IdentifierDescription,
            IdentifierText.Write),
        new ValueAlternative<IdentifierDescription>(
            new Option<bool>("--smccc") { Description = "Read the values as SMC Calling Convention function IDs: call type, convention, owner, function (PSCI, SMCCC, TRNG, FF-A)." },
            value => SmcccDescription.TryDecode(value.Text, out var smccc, out var error) ? smccc : throw new CliException(value.Origin + ": " + error),
            CliJsonContext.Default.IdentifierDescription,
            IdentifierText.Write));
}

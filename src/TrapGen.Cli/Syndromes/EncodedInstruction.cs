using System.Globalization;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Runtime;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Cli.Syndromes;

/// <summary>
/// One instruction as <c>trapgen encode</c> prints it (one JSON object a line with <c>--json</c>; the
/// shape is a contract, docs/cli.md).
/// </summary>
/// <param name="Instruction">The instruction in canonical assembler syntax.</param>
/// <param name="InstructionSet">a64 or a32.</param>
/// <param name="Word">The A64 or A32 instruction word.</param>
/// <param name="T32Word">For an unconditional cp15 move, its T32 encoding (first halfword in bits [31:16]); else null.</param>
/// <param name="Esr">The ESR_EL2 / HSR value a trap of it reports.</param>
/// <param name="Register">The catalogued register it reaches, or null.</param>
/// <param name="ArchitecturalName">When no catalogued register matches, the name the architecture's trap lists give it, or null.</param>
/// <param name="Syndrome">The ESR decoded, for the text output.</param>
internal sealed record EncodedInstruction(
    string Instruction,
    string InstructionSet,
    string Word,
    string? T32Word,
    string Esr,
    RegisterMatch? Register,
    string? ArchitecturalName,
    [property: JsonIgnore] SyndromeDescription Syndrome)
{
    public static EncodedInstruction Parse(CliValue value)
    {
        if (!SystemInstructionSyntax.TryParse(value.Text, thumb: false, out var access, out var error))
        {
            throw new CliException(value.Origin + ": cannot encode '" + value.Text + "': " + error);
        }

        var esr = SyndromeBuilder.Build(access);
        var syndrome = SyndromeDescription.From(esr);
        var a64 = access.TrapClass == TrapClassKind.Aarch64;
        var t32 = !a64 && access.Condition == Aarch32Constants.ConditionAlways
            ? CliHex.Word(InstructionEncoder.Encode(access with { InstructionSet = Runtime.Instructions.InstructionSet.T32 }))
            : null;
        return new EncodedInstruction(
            SystemInstructionSyntax.Format(access),
            a64 ? "a64" : "a32",
            CliHex.Word(InstructionEncoder.Encode(access)),
            t32,
            CliHex.Word(esr),
            syndrome.Register,
            syndrome.ArchitecturalName,
            syndrome);
    }
}

using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Instructions;
using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Syndromes;

/// <summary>
/// One instruction as <c>trapgen encode</c> prints it (one JSON object a line with <c>--json</c>; the
/// shape is a contract, docs/cli.md).
/// </summary>
/// <param name="Instruction">The instruction in canonical assembler syntax.</param>
/// <param name="InstructionSet">a64 or a32.</param>
/// <param name="Word">The A64 or A32 instruction word (for a T32 instruction, its A32 counterpart).</param>
/// <param name="T32Word">For an unconditional AArch32 instruction, its T32 encoding (first halfword in bits [31:16]); else null.</param>
/// <param name="Esr">The ESR_EL2 / HSR value a trap of it reports.</param>
/// <param name="Register">The catalogued register it reaches, or null.</param>
/// <param name="ArchitecturalName">When no catalogued register matches, the name the architecture's trap lists give it, or null.</param>
/// <param name="ArchitecturalMapping">For an AArch32 register with no catalogue entry, which bits of which AArch64 register it is, or null.</param>
/// <param name="Syndrome">The ESR decoded, for the text output.</param>
/// <param name="Cpu">With <c>--cpu</c>, whether the register or instruction exists on that CPU model; otherwise null.</param>
internal sealed record EncodedInstruction(
    string Instruction,
    string InstructionSet,
    string Word,
    string? T32Word,
    string Esr,
    RegisterMatch? Register,
    string? ArchitecturalName,
    string? ArchitecturalMapping,
    [property: JsonIgnore] SyndromeDescription Syndrome,
    CpuPresence? Cpu)
{
    public static EncodedInstruction Parse(CliValue value, CpuModel? model = null)
    {
        if (!TryDecodeWord(value.Text, out var access, out var wordError))
        {
            if (wordError is not null)
            {
                throw new CliException(value.Origin + ": cannot decode '" + value.Text + "': " + wordError);
            }

            if (!SystemInstructionSyntax.TryParse(value.Text, thumb: false, CatalogueIndex.RegisterNames, out access, out var error))
            {
                throw new CliException(value.Origin + ": cannot encode '" + value.Text + "': " + error);
            }
        }

        var esr = SyndromeBuilder.Build(access);
        var syndrome = SyndromeDescription.From(esr, model);
        var a64 = access.Class.IsAarch64;
        var t32 = !a64 && access.Condition == Aarch32Constants.ConditionAlways
            ? CliHex.Word(InstructionEncoder.Encode(access with { InstructionSet = Instructions.InstructionSet.T32 }))
            : null;
        return new EncodedInstruction(
            SystemInstructionSyntax.Format(access, CatalogueIndex.RegisterNames),
            a64 ? "a64" : "a32",
            CliHex.Word(InstructionEncoder.Encode(access with { InstructionSet = a64 ? Instructions.InstructionSet.A64 : Instructions.InstructionSet.A32 })),
            t32,
            CliHex.Word(esr),
            syndrome.Register,
            syndrome.ArchitecturalName,
            syndrome.ArchitecturalMapping,
            syndrome,
            syndrome.Cpu);
    }

    /// <summary>
    /// An instruction word instead of text: <c>0xd508871f</c> (A64, else A32: the two sets' system moves
    /// never share a word), or with its set named, <c>t32 0xee010f10</c>. False with no error when the text
    /// is not a word at all.
    /// </summary>
    private static bool TryDecodeWord(string text, out SystemRegisterAccess access, out string? error)
    {
        access = default;
        error = null;
        var parts = text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries);
        var named = parts.Length == 2 ? parts[0].ToLowerInvariant() : null;
        var number = parts.Length == 2 ? parts[1] : parts.Length == 1 ? parts[0] : string.Empty;
        if (!CliHex.TryParseWord(number, out var word) || (parts.Length == 2 && named is not ("a64" or "a32" or "t32")))
        {
            return false;
        }

        Instructions.InstructionSet[] sets = named switch
        {
            "a64" => [Instructions.InstructionSet.A64],
            "a32" => [Instructions.InstructionSet.A32],
            "t32" => [Instructions.InstructionSet.T32],
            _ => [Instructions.InstructionSet.A64, Instructions.InstructionSet.A32],
        };
        foreach (var set in sets)
        {
            if (InstructionDecoder.TryDecode(word, set, out access))
            {
                return true;
            }
        }

        error = CliHex.Word(word) + " is no system-register, cp14 or VMRS move, LDC/STC of p14, c5, System instruction or SMC in " + string.Join(" or ", sets) + " (name the set for a T32 word: t32 " + CliHex.Word(word) + ")";
        return false;
    }
}

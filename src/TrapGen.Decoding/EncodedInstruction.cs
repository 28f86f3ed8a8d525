using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Instructions;
using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Decoding;

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
public sealed record EncodedInstruction(
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
    /// <summary>
    /// Encodes an instruction as <c>encode</c> takes it: assembler text (<c>msr sctlr_el1, x0</c>,
    /// <c>mcrr p15, 0, r0, r1, c2</c>) or an instruction word (<c>0xd508871f</c>, <c>t32 0xee010f10</c>); never throws.
    /// </summary>
    /// <param name="text">The instruction or word, trimmed.</param>
    /// <param name="model">The CPU model to check the register against, or null for the whole architecture.</param>
    /// <param name="encoded">The instruction, its words and its syndrome; null on an error.</param>
    /// <param name="error">Why the text cannot be encoded (it quotes the text), or null.</param>
    /// <returns>Whether the text is an instruction TrapGen encodes.</returns>
    public static bool TryParse(string text, CpuModel? model, [NotNullWhen(true)] out EncodedInstruction? encoded, [NotNullWhen(false)] out string? error)
    {
        System.ArgumentNullException.ThrowIfNull(text);
        encoded = null;
        if (!TryDecodeWord(text, out var access, out var wordError))
        {
            if (wordError is not null)
            {
                error = "cannot decode '" + text + "': " + wordError;
                return false;
            }

            if (!SystemInstructionSyntax.TryParse(text, thumb: false, CatalogueIndex.RegisterNames, out access, out var syntaxError))
            {
                error = "cannot encode '" + text + "': " + syntaxError;
                return false;
            }
        }

        error = null;
        encoded = From(access, model);
        return true;
    }

    /// <summary>The words and syndrome of <paramref name="access"/>, checked against <paramref name="model"/> when there is one.</summary>
    private static EncodedInstruction From(SystemRegisterAccess access, CpuModel? model)
    {
        var esr = SyndromeBuilder.Build(access);
        var syndrome = SyndromeDescription.From(esr, model);
        var a64 = access.InstructionSet == Instructions.InstructionSet.A64;
        var t32 = !a64 && access.Condition == Aarch32Constants.ConditionAlways
            ? Hex.Word(InstructionEncoder.Encode(access with { InstructionSet = Instructions.InstructionSet.T32 }))
            : null;
        return new EncodedInstruction(
            SystemInstructionSyntax.Format(access, CatalogueIndex.RegisterNames),
            a64 ? "a64" : "a32",
            Hex.Word(InstructionEncoder.Encode(access with { InstructionSet = a64 ? Instructions.InstructionSet.A64 : Instructions.InstructionSet.A32 })),
            t32,
            Hex.Word(esr),
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
        if (!Hex.TryParseWord(number, out var word) || (parts.Length == 2 && named is not ("a64" or "a32" or "t32")))
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
        // A32's coprocessor words are in A64's SIMD&FP group too (bits [27:26] 0b11): a bare word is the register move or
        // instruction it is in either set before it is one of A64's groups (SIMD and floating point, SVE, SME).
        SystemRegisterAccess? group = null;
        foreach (var set in sets)
        {
            if (InstructionDecoder.TryDecode(word, set, out access))
            {
                if (!InstructionGroups.Contains(access.Class))
                {
                    return true;
                }

                group ??= access;
            }
        }

        if (group is { } floatingPoint)
        {
            access = floatingPoint;
            return true;
        }

        error = Hex.Word(word) + " is no system-register, cp14 or VMRS move, LDC/STC of p14, c5, System instruction, SMC, wait, or SIMD and floating-point, SVE or SME instruction in " + string.Join(" or ", sets) + " (name the set for a T32 word: t32 " + Hex.Word(word) + ")";
        return false;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Traps;

namespace TrapGen.Decoding;

/// <summary>
/// What one pasted text decodes to, for a page: exactly one of a syndrome (with its bit picture, the register it
/// reaches and the controls that trap it), an encoded instruction, a register, or an error message.
/// </summary>
/// <param name="Kind">What the text was taken as (never <see cref="InputKind.Auto"/> once decided; Auto for an empty text).</param>
/// <param name="Syndrome">The decoded ESR (for an instruction, the ESR its trap reports), or null.</param>
/// <param name="Picture">The ESR's 64 bits as spans, most significant first; empty unless <paramref name="Syndrome"/> is set.</param>
/// <param name="Traps">For a trapped access, the EL2 trap controls that trap it in its direction; otherwise empty.</param>
/// <param name="Instruction">The encoded instruction, or null.</param>
/// <param name="Register">The register the ESR or the instruction's trap reaches, or the register named; null when there is none.</param>
/// <param name="Identifier">The decoded MIDR or SMCCC function ID, or null.</param>
/// <param name="Error">Why the text decodes to nothing, or null.</param>
public sealed record DecodeResult(
    InputKind Kind,
    SyndromeDescription? Syndrome,
    IReadOnlyList<BitSpan> Picture,
    IReadOnlyList<TrapRuleText> Traps,
    EncodedInstruction? Instruction,
    RegisterDescription? Register,
    IdentifierDescription? Identifier,
    string? Error)
{
    /// <summary>The longest text decoded; a longer paste gets a message, not a decode.</summary>
    public const int MaxLength = 200;

    /// <summary>Decodes <paramref name="text"/> as <paramref name="kind"/>; never throws, whatever the text.</summary>
    /// <param name="text">The text as pasted; null is empty.</param>
    /// <param name="kind">What to take it as.</param>
    /// <returns>The result; its <see cref="Error"/> says what is wrong with bad input.</returns>
    public static DecodeResult Of(string? text, InputKind kind = InputKind.Auto)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return Failed(InputKind.Auto, "Paste an ESR value, an instruction or a register name.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Failed(kind, "The text is " + trimmed.Length.ToString(CultureInfo.InvariantCulture) + " characters long; paste one value of at most " + MaxLength.ToString(CultureInfo.InvariantCulture) + ".");
        }

        var decided = kind == InputKind.Auto ? Guess(trimmed) : kind;
        try
        {
            return decided switch
            {
                InputKind.Esr => OfEsr(trimmed),
                InputKind.Instruction => OfInstruction(trimmed),
                InputKind.Midr => MidrDescription.TryDecode(trimmed, out var midr, out var error) ? OfIdentifier(InputKind.Midr, midr) : Failed(InputKind.Midr, error),
                InputKind.Smccc => SmcccDescription.TryDecode(trimmed, out var smccc, out var error) ? OfIdentifier(InputKind.Smccc, smccc) : Failed(InputKind.Smccc, error),
                _ => OfRegister(trimmed),
            };
        }
#pragma warning disable CA1031 // a page shows a message whatever goes wrong; nothing may escape to the user
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(decided, "TrapGen could not decode '" + trimmed + "': " + e.Message);
        }
    }

    /// <summary>Hexadecimal alone is an ESR; a single word with a letter is a register name; the rest is an instruction.</summary>
    private static InputKind Guess(string text)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.Substring(2) : text;
        if (digits.Replace("_", string.Empty, StringComparison.Ordinal).All(Uri.IsHexDigit) || text.StartsWith('-') || text.All(char.IsAsciiDigit))
        {
            return InputKind.Esr;
        }

        return text.Any(char.IsWhiteSpace) || text.Contains(',', StringComparison.Ordinal) ? InputKind.Instruction : InputKind.Register;
    }

    private static DecodeResult OfEsr(string text)
    {
        if (!EsrValue.TryParse(text, out var esr, out var error))
        {
            return Failed(InputKind.Esr, error!);
        }

        var syndrome = SyndromeDescription.From(esr);
        IReadOnlyList<TrapRuleText> traps = [];
        RegisterDescription? register = null;
        if (SyndromeKey.TryGet((uint)esr, out var trapClass, out var key))
        {
            var isRead = trapClass.IsRead(EsrFields.GetISS((uint)esr));
            traps = TrapRuleText.OfAccess(trapClass, key, isRead);
            register = RegisterOf(RegistersByKey.NameOf(trapClass, key, isRead));
        }

        return new DecodeResult(InputKind.Esr, syndrome, BitPicture.Of(syndrome, esr), traps, null, register, null, null);
    }

    private static DecodeResult OfInstruction(string text)
    {
        if (!EncodedInstruction.TryParse(text, null, out var encoded, out var error))
        {
            return Failed(InputKind.Instruction, error);
        }

        // The trap of it reports this ESR: the picture, the register and the trap controls are the ESR's.
        return OfEsr(encoded.Esr) with { Kind = InputKind.Instruction, Instruction = encoded };
    }

    private static DecodeResult OfRegister(string text) =>
        RegisterDescription.TryFind(text, out var register, out var error)
            ? new DecodeResult(InputKind.Register, null, [], [], null, register, null, null)
            : Failed(InputKind.Register, error);

    private static RegisterDescription? RegisterOf(string? name) =>
        name is not null && RegisterDescription.TryFind(name, out var register, out _) ? register : null;

    private static DecodeResult OfIdentifier(InputKind kind, IdentifierDescription identifier) => new(kind, null, [], [], null, null, identifier, null);

    private static DecodeResult Failed(InputKind kind, string error) => new(kind, null, [], [], null, null, null, error);
}

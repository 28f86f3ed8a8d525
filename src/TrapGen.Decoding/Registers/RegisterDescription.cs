using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// A register of the architecture as the web decoder shows it: every instruction form that reaches it (the
/// AArch64 MRS/MSR and the AArch32 MRC/MCR and MRRC/MCRR views of it, with their words and syndromes), its
/// fields where the register-field table has them, and the EL2 trap controls of each form.
/// </summary>
/// <param name="Name">The AArch64 register's name, or the AArch32 register's when it has no AArch64 counterpart.</param>
/// <param name="OtherNames">Other names of the same register.</param>
/// <param name="Width">The width MRS/MSR move, or null for an AArch32-only register.</param>
/// <param name="Access">What the architecture allows: read/write, read-only or write-only.</param>
/// <param name="Feature">The feature that adds it, or null for Armv8.0.</param>
/// <param name="Aarch64">The MRS/MSR form, or null for an AArch32-only register.</param>
/// <param name="Aarch32">The AArch32 forms: views of the AArch64 register, or the AArch32-only register's own.</param>
/// <param name="Fields">Its fields, most significant first; empty when the table has none.</param>
public sealed record RegisterDescription(
    string Name,
    IReadOnlyList<string> OtherNames,
    int? Width,
    string Access,
    string? Feature,
    RegisterForm? Aarch64,
    IReadOnlyList<RegisterForm> Aarch32,
    IReadOnlyList<RegisterFieldText> Fields)
{
    /// <summary>No register's name is longer; a longer paste is not compared with every name.</summary>
    private const int MaxNameLength = 64;

    /// <summary>
    /// Finds the register called <paramref name="name"/> (AArch64 or AArch32, any case, by name or other name): an
    /// AArch32 register that is a view of an AArch64 one gives the AArch64 register with all its views. Never throws.
    /// </summary>
    /// <param name="name">The name as typed.</param>
    /// <param name="register">The register, or null.</param>
    /// <param name="error">Why there is none, with the closest name when one is close; or null.</param>
    /// <returns>Whether the architecture names such a register.</returns>
    public static bool TryFind(string name, [NotNullWhen(true)] out RegisterDescription? register, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        register = null;
        error = null;
        if (Aarch64Registers.TryFind(trimmed, out var aarch64))
        {
            register = Of(aarch64);
            return true;
        }

        var aarch32 = Aarch32Registers.Named(trimmed);
        if (aarch32.Count > 0)
        {
            register = aarch32[0].MapsTo is { } mapsTo && Aarch64Registers.TryFind(mapsTo, out var mapped) ? Of(mapped) : Of(aarch32);
            return true;
        }

        var closest = trimmed.Length > MaxNameLength ? null : ClosestName.Find(trimmed.ToUpperInvariant(), Aarch64Registers.Names.Concat(Aarch32Registers.All.Select(r => r.Name)));
        error = "'" + Shorten(trimmed) + "' is no register the architecture names" + (closest is null ? string.Empty : "; did you mean " + closest + "?");
        return false;
    }

    /// <summary>Describes <paramref name="register"/> with every AArch32 view of it.</summary>
    /// <param name="register">An AArch64 System register.</param>
    /// <returns>Its description.</returns>
    public static RegisterDescription Of(Aarch64Register register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new RegisterDescription(
            register.Name,
            register.OtherNames,
            register.Width,
            RegisterAccessRules.Spelling(register.Access).ToLowerInvariant(),
            register.Feature,
            RegisterForm.Of(register),
            Forms(Aarch32Registers.MappedOnto(register.Name)),
            RegisterFieldText.Of(register.Name));
    }

    /// <summary>Describes an AArch32 register with no AArch64 counterpart, from its forms (an MCR and an MCRR form share a name).</summary>
    private static RegisterDescription Of(IReadOnlyList<Aarch32Register> forms) => new(
        forms[0].Name,
        forms[0].OtherNames,
        null,
        RegisterAccessRules.Spelling(forms[0].Access).ToLowerInvariant(),
        null,
        null,
        Forms(forms),
        []);

    private static IReadOnlyList<RegisterForm> Forms(IEnumerable<Aarch32Register> registers) =>
        [.. registers.Select(RegisterForm.Of).OfType<RegisterForm>()];

    /// <summary>A pasted name quoted back at most 40 characters long.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}

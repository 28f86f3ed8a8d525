using Microsoft.CodeAnalysis;

namespace TrapGen.Generators.Analyzers;

/// <summary>The bit-field rules for hand-written C# (TG1xxx); docs/analyzers.md explains each.</summary>
internal static class BitFieldRules
{
    private const string Category = "TrapGen.BitFields";
    private const string HelpBase = "https://github.com/trapgen/trapgen/blob/main/docs/analyzers.md#";

    /// <summary>TG1001: a mask and its shift (or width) constant disagree.</summary>
    public static readonly DiagnosticDescriptor MaskShiftMismatch = Rule(
        "TG1001",
        "Mask and shift disagree",
        "{0} = {1} {2}; the {3}-bit field at bit {4} is {5}{6}");

    /// <summary>TG1002: a syndrome is masked and shifted to bits that are no field of ESR_EL2 / HSR.</summary>
    public static readonly DiagnosticDescriptor UnknownSyndromeField = Rule(
        "TG1002",
        "Bits match no syndrome field",
        "'{0}' extracts bits {1} of a syndrome, which is no field of ESR_EL2 or of an ISS TrapGen knows; did you mean {2}, mask {3}?");

    /// <summary>TG1003: a shift followed by a mask that was written for the unshifted value.</summary>
    public static readonly DiagnosticDescriptor UnshiftedMask = Rule(
        "TG1003",
        "Mask applied after the shift is unshifted",
        "'{0}' shifts right by {1} and then masks with {2}, which is the field's mask before the shift; after the shift it is {3}");

    /// <summary>TG1004: a HI/LO composition that loses or corrupts a half.</summary>
    public static readonly DiagnosticDescriptor HalfComposition = Rule(
        "TG1004",
        "64-bit value composed from halves incorrectly",
        "{0}");

    /// <summary>TG1005: two masks of the same layout share bits.</summary>
    public static readonly DiagnosticDescriptor OverlappingFields = Rule(
        "TG1005",
        "Masks of one layout overlap",
        "{0} = {1} overlaps {2} = {3} in bits {4}; fields of one layout must not share bits");

    private static DiagnosticDescriptor Rule(string id, string title, string message) => new(
        id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: title + ". See docs/analyzers.md.", helpLinkUri: HelpBase + id.ToLowerInvariant());
}

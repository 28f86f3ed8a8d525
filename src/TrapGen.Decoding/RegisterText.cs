namespace TrapGen.Decoding;

/// <summary>How decode and encode say that no catalogued register matches.</summary>
public static class RegisterText
{
    /// <summary>
    /// Says that no catalogued register matches, with the architecture's name for what the access reaches and,
    /// for an AArch32 register, where its bits live in AArch64 (<c>MIDR, bits [31:0] of MIDR_EL1</c>).
    /// </summary>
    public static string None(string? architecturalName, string? architecturalMapping = null) => architecturalName is { } name
        ? "none catalogued (the architecture calls it " + name + (architecturalMapping is { } mapping ? ", " + mapping : string.Empty) + "): the runtime takes its unknown-register path"
        : "none catalogued: the runtime takes its unknown-register path";
}

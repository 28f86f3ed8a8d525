namespace TrapGen.Decoding;

/// <summary>The words decode and the web decoder both use for ESR_EL2's own fields.</summary>
public static class EsrWords
{
    /// <summary>Said of an ISS whose exception class has no layout.</summary>
    public const string NoLayout = "no ISS layout: the exception class is unallocated";

    /// <summary>What the IL bit says.</summary>
    /// <param name="il">The IL bit.</param>
    /// <returns><c>32-bit instruction</c> or <c>16-bit instruction</c>.</returns>
    public static string InstructionLength(int il) => il != 0 ? "32-bit instruction" : "16-bit instruction";
}

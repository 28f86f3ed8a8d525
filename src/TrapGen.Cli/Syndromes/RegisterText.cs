namespace TrapGen.Cli.Syndromes;

/// <summary>How decode and encode say that no catalogued register matches.</summary>
internal static class RegisterText
{
    public static string None(string? architecturalName) => architecturalName is { } name
        ? "none catalogued (the architecture calls it " + name + "): the runtime takes its unknown-register path"
        : "none catalogued: the runtime takes its unknown-register path";
}

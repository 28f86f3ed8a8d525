using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Spec;

/// <summary>How a trap group's <c>others:</c> handles an access, in words, for comments and the registry: <c>reads as zero, writes ignored</c>.</summary>
internal static class OthersPhrases
{
    /// <summary>How the access is handled, per direction.</summary>
    public static string Of(OtherAccess other) => "reads " + Reads(other.Read) + ", writes " + Writes(other.Write);

    private static string Reads(OthersHandling? handling) => handling switch
    {
        OthersHandling.RazWi => "as zero",
        OthersHandling.Undefined => "UNDEFINED",
        _ => "unhandled",
    };

    private static string Writes(OthersHandling? handling) => handling switch
    {
        OthersHandling.RazWi => "ignored",
        OthersHandling.Undefined => "UNDEFINED",
        _ => "unhandled",
    };
}

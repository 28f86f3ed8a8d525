using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// How a trap group's <c>others:</c> handles an access, in words; the dispatch table does it as data
/// (<see cref="DispatchTable"/>): UNDEF is a result, RAZ/WI reads zero and drops a write.
/// </summary>
internal static class OthersEmitter
{
    /// <summary>How the access is handled, per direction, for a doc comment: <c>reads UNDEFINED, writes ignored</c>.</summary>
    public static string Describe(OtherAccess other) => "reads " + Reads(other.Read) + ", writes " + Writes(other.Write);

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

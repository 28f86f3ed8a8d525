using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// The dispatch of what a trap group's <c>others:</c> handles: UNDEF is a result, RAZ/WI moves zero
/// to the transfer registers on a read and drops a write. Shared helpers, one per trap class, keep each
/// case one line.
/// </summary>
internal static class OthersEmitter
{
    private static readonly string Result = GeneratedNames.TrapResult;

    /// <summary>How the access is handled, per direction, for a doc comment: <c>reads UNDEFINED, writes ignored</c>.</summary>
    public static string Describe(OtherAccess other) => "reads " + Reads(other.Read) + ", writes " + Writes(other.Write);

    /// <summary>The expression a dispatch case returns for <paramref name="other"/>.</summary>
    public static string Expression(TrapClassKind kind, OtherAccess other)
    {
        var read = other.Read switch
        {
            OthersHandling.RazWi => ReadAsZero(kind) + Arguments(kind),
            OthersHandling.Undefined => Result + ".Undefined",
            _ => Result + ".Unhandled",
        };
        var write = other.Write switch
        {
            OthersHandling.RazWi => Result + ".Handled",
            OthersHandling.Undefined => Result + ".Undefined",
            _ => Result + ".Unhandled",
        };
        return read == write ? read : "(isRead ? " + read + " : " + write + ")";
    }

    /// <summary>The read-as-zero helpers the dispatch of <paramref name="others"/> calls.</summary>
    public static void EmitHelpers(SourceWriter writer, IEnumerable<OtherAccess> others)
    {
        foreach (var kind in others.Where(o => o.Read == OthersHandling.RazWi).Select(o => o.TrapClass).Distinct().OrderBy(k => k))
        {
            writer.Line();
            writer.Summary("A read of a register a trap group's others: raz-wi handles: the transfer register" + (kind == TrapClassKind.Cp15Register64 ? "s read" : " reads") + " as zero.");
            using (writer.Block("private " + Result + " " + ReadAsZero(kind) + Parameters(kind)))
            {
                switch (kind)
                {
                    case TrapClassKind.Aarch64:
                        writer.Line("WriteX(rt, 0UL);");
                        break;
                    case TrapClassKind.Cp15Register64:
                        writer.Line("WriteR(rt, 0u);");
                        writer.Line("WriteR(rt2, 0u);");
                        break;
                    default:
                        writer.Line("WriteR(rt, 0u);");
                        break;
                }

                writer.Line("return " + Result + ".Handled;");
            }
        }
    }

    private static string ReadAsZero(TrapClassKind kind) => GeneratedNames.Prefix(kind) + "_ReadAsZero";

    private static string Arguments(TrapClassKind kind) => kind == TrapClassKind.Cp15Register64 ? "(rt, rt2)" : "(rt)";

    private static string Parameters(TrapClassKind kind) => kind == TrapClassKind.Cp15Register64 ? "(int rt, int rt2)" : "(int rt)";

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

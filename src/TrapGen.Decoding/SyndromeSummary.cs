using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;

namespace TrapGen.Decoding;

/// <summary>
/// One sentence that says what a syndrome reports, from its fields and the architecture's names for
/// their values: "a write of a doubleword from x0: Translation fault, level 2".
/// </summary>
public static class SyndromeSummary
{
    /// <summary>GcsIss.ExType of a GCSSTR or GCSSTTR: trapped-instructions.table's key of both.</summary>
    private static readonly ulong GcsStoreExType = Layouts.GcsIss.ExType.Extract(GcsStoreInstructions.Store.Key);

    /// <summary>The exception flags of a trapped floating-point exception, in the order Arm lists the exceptions.</summary>
    private static readonly string[] FloatingPointFlags = ["IOF", "DZF", "OFF", "UFF", "IXF", "IDF"];

    /// <summary>What the syndrome with exception class <paramref name="ec"/> and ISS <paramref name="iss"/> reports, or null when its layout has no sentence.</summary>
    /// <param name="ec">The exception class.</param>
    /// <param name="layout">Its ISS layout.</param>
    /// <param name="iss">The ISS.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? Of(int ec, BitLayout layout, ulong iss) => Of(ec, LayoutIndex.For(layout), iss);

    /// <summary>As <see cref="Of(int, BitLayout, ulong)"/>, with the layout's index.</summary>
    internal static string? Of(int ec, LayoutIndex index, ulong iss)
    {
        var layout = index.Layout;
        string? Meaning(string field) => index.Position(field) is var p and >= 0 && index.Applies(p, iss) ? index.MeaningOf(p, index.Fields[p].Extract(iss))?.TrimEnd('.') : null;
        ulong Value(string field) => index.Fields[index.Position(field) is var p and >= 0 ? p : throw new ArgumentException("No field " + field + " in " + layout.Name, nameof(field))].Extract(iss);
        string Immediate(string field) => "#0x" + Value(field).ToString("x", CultureInfo.InvariantCulture);

        switch (layout.Name)
        {
            case nameof(Layouts.DataAbortIss):
                var status = Meaning("DFSC") ?? "fault status " + Hex(Value("DFSC"));
                var walk = Value("S1PTW") == 1 ? " on the stage 2 translation of a stage 1 table walk" : string.Empty;
                if (Value("ISV") == 0)
                {
                    var kind = Value("CM") == 1 ? "a cache maintenance or address translation instruction" : Value("WnR") == 1 ? "a write" : "a read";
                    return kind + " (no instruction syndrome)" + walk + ": " + status;
                }

                var isWrite = Value("WnR") == 1;
                var size = (Meaning("SAS") ?? "access").ToLowerInvariant();
                var register = FieldValue.MeaningOf(layout, index, index.Position("SRT"), iss);
                var details = (Value("SSE") == 1 ? ", sign-extended" : string.Empty) + (Value("AR") == 1 ? ", acquire/release" : string.Empty);
                return (isWrite ? "a write of a " : "a read of a ") + size + details + (isWrite ? " from " : " into ") + register + walk + ": " + status;

            case nameof(Layouts.InstructionAbortIss):
                return "an instruction fetch" + (Value("S1PTW") == 1 ? " on the stage 2 translation of a stage 1 table walk" : string.Empty)
                    + ": " + (Meaning("IFSC") ?? "fault status " + Hex(Value("IFSC")));

            case nameof(Layouts.HvcSvcIss):
            case nameof(Layouts.SmcIss):
                return Instruction(ec) + " " + Immediate("imm16");

            case nameof(Layouts.BrkIss):
                return Instruction(ec) + " " + Immediate("Comment");

            case nameof(Layouts.WfxIss):
                return Meaning("TI");

            case nameof(Layouts.SErrorIss):
                if (Value("IDS") == 1)
                {
                    return "an SError with an IMPLEMENTATION DEFINED syndrome " + Hex(Value("ImpDef"));
                }

                var error = Meaning("DFSC") ?? "fault status " + Hex(Value("DFSC"));
                return "an SError: " + error + (Meaning("AET") is { } state ? "; " + state : string.Empty);

            case nameof(Layouts.FpExceptionIss):
                if (Value("TFV") == 0)
                {
                    return "a trapped floating-point exception; the flags are not valid (TFV = 0)";
                }

                var flags = FloatingPointFlags.Where(f => Value(f) == 1).ToList();
                return "a trapped floating-point exception: " + (flags.Count == 0 ? "no flag set" : string.Join(", ", flags));

            case nameof(Layouts.GcsIss) when Value("ExType") == GcsStoreExType:
                // GCSSTRTrapException: the ISS does not say which of the two stores trapped.
                return "a GCSSTR or GCSSTTR of " + GcsStoreInstructions.Value((uint)Value("Rvalue")) + " to [" + GcsStoreInstructions.Base((uint)Value("Raddr")) + "]";

            case nameof(Layouts.WatchpointIss):
                return "a watchpoint hit by " + (Value("CM") == 1 ? "a cache maintenance instruction" : Value("WnR") == 1 ? "a write" : "a read")
                    + (Value("WPTV") == 1 ? ", watchpoint " + Value("WPT").ToString(CultureInfo.InvariantCulture) : string.Empty);

            default:
                return null;
        }
    }

    /// <summary>The instruction an exception class reports: HVC, SVC, SMC, BRK or BKPT.</summary>
    private static string Instruction(int ec) => ExceptionClasses.NameOf(ec).Split(' ')[0];

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}

using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Cli.Recordings;

/// <summary>
/// Prints what replaying a real guest's recording found (<c>trapgen replay</c>, and <c>trapgen boot</c> for the shipped
/// ones): the policy it ran under, the traps replayed before and after its MMU came on and per control, the DC/TVM drop
/// on both sides, and the differences.
/// </summary>
internal static class ReplayPrinter
{
    /// <summary>Writes the report of <paramref name="name"/>; at most <paramref name="differences"/> differences are listed (all when null), then their count.</summary>
    public static void Write(TextWriter output, string name, Recording recording, ReplayReport report, int? differences = null)
    {
        var controls = recording.Controls;
        output.WriteLine(Invariant($"{name}: {(recording.State == ExecutionState.Aarch64 ? "AArch64" : "AArch32")} guest, {report.Traps} trap(s) replayed, {report.Calls} call(s) to the monitor"));
        output.WriteLine("  controls: " + Register(HcrEl2.Name, controls.Hcr) + ", " + Register(MdcrEl2.Name, controls.Mdcr) + ", " + Register(CnthctlEl2.Name, controls.Cnthctl));
        output.WriteLine(Invariant($"  traps with the guest's MMU off: {report.TrapsBeforeMmu}, on: {report.TrapsAfterMmu}"));
        output.WriteLine("  traps per control: " + (report.TrapsPerControl.Count == 0 ? "none" : string.Join(", ", report.TrapsPerControl.Select(c => c.Key + " " + c.Value.ToString(CultureInfo.InvariantCulture)))));
        output.WriteLine("  HCR_EL2.DC and TVM dropped: on the CPU " + Drop(report.RecordedDrop, recording.Traps) + "; in TrapGen " + Drop(report.ReplayedDrop, recording.Traps));
        var listed = differences is { } most ? report.Differences.Take(most) : report.Differences;
        foreach (var difference in listed)
        {
            output.WriteLine("  " + difference);
        }

        output.WriteLine(Invariant($"  {report.Differences.Count} difference(s)"));
    }

    /// <summary>
    /// Writes what replaying <paramref name="name"/> under the controls of <paramref name="narrowerName"/> found
    /// (<see cref="RecordingReplay.Narrow"/>) and compares the traps with the narrower recording's; true when they are the same.
    /// </summary>
    public static bool WriteNarrowing(TextWriter output, string name, string narrowerName, Recording narrower, NarrowingReport report)
    {
        output.WriteLine(Invariant($"{name} under the controls of {narrowerName}: {report.Trapped.Count} trap(s), {report.Direct} direct access(es), {report.Calls} call(s) to the monitor"));
        output.WriteLine("  controls: " + Register(HcrEl2.Name, narrower.Controls.Hcr) + ", " + Register(MdcrEl2.Name, narrower.Controls.Mdcr) + ", " + Register(CnthctlEl2.Name, narrower.Controls.Cnthctl));
        foreach (var difference in report.Differences)
        {
            output.WriteLine("  " + difference);
        }

        var traps = narrower.Traps;
        var same = 0;
        while (same < traps.Count && same < report.Trapped.Count && traps[same] == report.Trapped[same])
        {
            same++;
        }

        if (same == traps.Count && same == report.Trapped.Count)
        {
            output.WriteLine(Invariant($"  the {same} trap(s) are exactly those of {narrowerName}"));
        }
        else
        {
            output.WriteLine(Invariant($"  {narrowerName} holds {traps.Count} trap(s); the first {same} are the same, then: recorded {Trap(traps, same)}, replayed {Trap(report.Trapped, same)}"));
        }

        output.WriteLine(Invariant($"  {report.Differences.Count} difference(s)"));
        return report.Differences.Count == 0 && same == traps.Count && same == report.Trapped.Count;
    }

    private static string Trap(IReadOnlyList<RecordedTrap> traps, int index) =>
        index < traps.Count ? Invariant($"trap {traps[index].Esr:x} {traps[index].Pc:x} {traps[index].Value:x} {traps[index].HcrBefore:x} {traps[index].HcrAfter:x}") : "none";

    /// <summary>
    /// A control register's value and its controls that are set: those that trap while set (and HCR_EL2's DC, which
    /// traps nothing), or for CNTHCTL_EL2 those that give the guest its counter and timer while set.
    /// </summary>
    private static string Register(string register, ulong value)
    {
        var set = TrapControls.Of(register).Where(c => (value & c.Mask) != 0)
            .Select(c => c.IsCounterLimit ? Invariant($"{c.Name}={(value & c.Mask) >> c.Bit}") : c.Name).ToList();
        if (register == HcrEl2.Name && ((value >> HcrEl2.DC) & 1) != 0)
        {
            set.Insert(0, "DC");
        }

        return Invariant($"{register} 0x{value:x}") + (set.Count == 0 ? string.Empty : " (" + string.Join(' ', set) + ")");
    }

    private static string Drop(int? index, IReadOnlyList<RecordedTrap> traps) =>
        index is { } i ? Invariant($"after trap {i} (pc 0x{traps[i].Pc:x}, ESR 0x{traps[i].Esr:x8}, value 0x{traps[i].Value:x})") : "never";

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

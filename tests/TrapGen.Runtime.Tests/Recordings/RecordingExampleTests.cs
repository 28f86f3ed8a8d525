using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using TrapGen.Runtime.Recordings;
using Xunit;

namespace TrapGen.Runtime.Tests.Recordings;

/// <summary>
/// The real guests' recordings shipped in examples/recordings (written by the QEMU test RealGuestReplayTests) replay
/// through TrapGen with no difference, each with its DC/TVM drop on its last trap, and the file format reads back what
/// it wrote and names the line of a bad one.
/// </summary>
public sealed class RecordingExampleTests
{
    public static TheoryData<string> Examples => new(Directory.GetFiles(Folder(), "*.rec").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_shipped_real_guest_recording_replays_with_no_difference(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));

        Assert.True(RecordingFile.TryRead(text.Split('\n'), out var state, out var traps, out var error), error);
        var report = new RecordingReplay(state).Replay(traps);

        Assert.Empty(report.Differences);
        Assert.InRange(report.Traps, 2, 100);
        Assert.Equal(report.Traps - 1, report.RecordedDrop);
        Assert.Equal(report.RecordedDrop, report.ReplayedDrop);
        var written = new StringWriter();
        RecordingFile.Write(written, state, traps, text.Split('\n').Where(l => l.StartsWith("# ", System.StringComparison.Ordinal)).Select(l => l[2..]));
        Assert.Equal(text, written.ToString());
    }

    [Theory]
    [InlineData("trap 1 2 3 4 5", "line 1: a trap before the guest line")]
    [InlineData("guest aarch64\nguest aarch32", "line 2: a recording has one guest line")]
    [InlineData("guest aarch64\n\n# fine\ntrap 1 2 3 4", "line 4: a trap is five hexadecimal numbers, the ESR 32 bits")]
    [InlineData("guest arm", "line 1: expected 'guest aarch64', 'guest aarch32' or 'trap ESR PC VALUE HCR-BEFORE HCR-AFTER'")]
    [InlineData("# nothing", "no guest line")]
    public void A_bad_recording_names_its_line(string text, string expected)
    {
        Assert.False(RecordingFile.TryRead(text.Split('\n'), out _, out _, out var error));
        Assert.Equal(expected, error);
    }

    private static string Folder([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "examples", "recordings"));
}

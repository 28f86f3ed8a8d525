using System.IO;
using System.Reflection;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Cli.Recordings;

/// <summary>The real guests' recordings shipped in examples/recordings, embedded so that <c>trapgen boot</c> replays them from anywhere.</summary>
internal static class ExampleRecordings
{
    /// <summary>Each guest under the seed's policy, then under the KVM-like one.</summary>
    public static readonly string[] Boot =
    [
        "u-boot-aarch64.seed.rec", "u-boot-aarch64.kvm-like.rec", "u-boot-aarch32.seed.rec", "u-boot-aarch32.kvm-like.rec",
        "edk2.seed.rec", "edk2.kvm-like.rec", "linux.seed.rec", "linux.kvm-like.rec",
    ];

    /// <summary>Reads the embedded recording <paramref name="name"/>.</summary>
    public static Recording Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("recordings/" + name)
            ?? throw new CliException("the example recording " + name + " is not embedded in this build");
        using var reader = new StreamReader(stream);
        return RecordingFile.TryRead(reader.ReadToEnd().Split('\n'), out var recording, out var error)
            ? recording
            : throw new CliException(name + ": " + error);
    }
}

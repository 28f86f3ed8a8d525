using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Benchmarks.Replay;

/// <summary>
/// Replay throughput: a real guest's recording (examples/recordings, Linux 6.1 under the KVM-like policy: 77,462 traps,
/// 77,379 of them CTR_EL0 reads) replayed trap by trap through the emulated CPU and the runtime, each compared with what
/// the CPU did, per trap; against the baseline of the same syndromes handed to the hypervisor's trap entry alone (decode,
/// dispatch, handler, PC advance), with no instruction executed and nothing compared. README turns them into traps per second.
/// </summary>
[BenchmarkCategory("Replay")]
public class ReplayBenchmarks
{
    /// <summary>The traps in the Linux recording (checked when it is read).</summary>
    public const int LinuxTraps = 77_462;

    private Recording linux = null!;
    private uint[] syndromes = [];
    private Domain domain = null!;

    /// <summary>Reads the recording from the repository and builds the baseline's domain under its controls.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "recordings", "linux.kvm-like.rec");
        if (!RecordingFile.TryRead(File.ReadAllLines(path), out linux, out var error) || linux.Traps.Count != LinuxTraps)
        {
            throw new InvalidOperationException(path + ": " + error + " (" + linux.Traps.Count + " traps)");
        }

        syndromes = new uint[linux.Traps.Count];
        for (var i = 0; i < syndromes.Length; i++)
        {
            syndromes[i] = linux.Traps[i].Esr;
        }

        domain = new Domain([linux.State]);
        domain.Build();
        domain.Hypervisor.SetControlRegister("HCR_EL2", linux.Controls.Hcr);
        domain.Hypervisor.SetControlRegister("MDCR_EL2", linux.Controls.Mdcr);
        domain.Hypervisor.SetControlRegister("CNTHCTL_EL2", linux.Controls.Cnthctl);
    }

    /// <summary>The trap entry alone for each recorded syndrome, per trap.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = LinuxTraps)]
    public long HandleTrapAlone()
    {
        var hypervisor = domain.Hypervisor;
        foreach (var esr in syndromes)
        {
            hypervisor.HandleTrap(esr);
        }

        return hypervisor.TrapCount;
    }

    /// <summary>The whole replay of the recording on a new domain, per trap.</summary>
    [Benchmark(OperationsPerInvoke = LinuxTraps)]
    public int ReplayRecording() => new RecordingReplay(linux).Replay(linux.Traps).Differences.Count;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrapGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TrapGen.sln is not above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// The encoding-space probe's controls together, two at a time (issue 23): a second probe built from what QEMU did in
/// the first (<see cref="EncodingSpaceProbe"/>), not from the trap tables. It keeps every access whose record under
/// some run differs from its record under no control, or that traps under none (a control that traps while clear),
/// with the read before each kept write and the write after each kept read, so that each write still puts back what
/// its read returned. It runs them under no control and under every pair of the probe's controls that the model has
/// (<see cref="ProbeRun.Pairs"/>), so that two controls that reach one access are seen together: which one's trap
/// wins, or that one does not hide the other's.
/// </summary>
public sealed class EncodingSpacePairsProbe : ProbeOnQemu
{
    private static readonly Lazy<EncodingSpacePairsProbe> Aarch64MaxProbe = new(() => new EncodingSpacePairsProbe(EncodingSpaceProbe.Aarch64Max, GuestCode.A64));

    private static readonly Lazy<EncodingSpacePairsProbe> Aarch32MaxProbe = new(() => new EncodingSpacePairsProbe(EncodingSpaceProbe.Aarch32Max, GuestCode.A32));

    private EncodingSpacePairsProbe(EncodingSpaceProbe alone, Func<string[], uint[]> assemble)
        : base(alone.Guest, Changed(alone), assemble, [new("none", alone.Guest.Rw, 0, []), .. ProbeRun.Pairs(alone.Guest.Rw, [.. EncodingSpaceProbe.Controls.Where(c => c.ExistsOn(alone.Model))])], alone.Model.Name)
    {
        Model = alone.Model;
    }

    /// <summary>Gets the CPU model QEMU and TrapGen run the probe as.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the pairs probe of an AArch64 EL1 on max.</summary>
    public static EncodingSpacePairsProbe Aarch64Max => Aarch64MaxProbe.Value;

    /// <summary>Gets the pairs probe of an AArch32 EL1 (A32) on max.</summary>
    public static EncodingSpacePairsProbe Aarch32Max => Aarch32MaxProbe.Value;

    /// <summary>The accesses some run of <paramref name="alone"/> decided otherwise than none did, or that trap under none, each write with its read.</summary>
    private static IReadOnlyList<ProbeInstruction> Changed(EncodingSpaceProbe alone)
    {
        var none = alone.Runs.Select((run, index) => (run, index)).Single(r => r.run.Name == "none").index;
        var count = alone.Instructions.Count;
        var kept = new SortedSet<int>();
        for (var slot = 0; slot < count; slot++)
        {
            var first = alone.Record(none, slot).Record;
            if (ProbeProgram.Tag(first) == ProbeProgram.TrappedTag || Enumerable.Range(0, alone.Runs.Count).Any(run => alone.Record(run, slot).Record != first))
            {
                kept.Add(slot);
            }
        }

        // A write takes its operand from the read just before it; a read is kept with the write that follows it.
        foreach (var slot in kept.ToArray())
        {
            var accessed = EncodingSpaceProbe.Accessed(alone.Instructions[slot]);
            if (alone.Instructions[slot].Name.EndsWith(" write", StringComparison.Ordinal) && slot > 0 && EncodingSpaceProbe.Accessed(alone.Instructions[slot - 1]) == accessed)
            {
                kept.Add(slot - 1);
            }
            else if (alone.Instructions[slot].Name.EndsWith(" read", StringComparison.Ordinal) && slot + 1 < count && EncodingSpaceProbe.Accessed(alone.Instructions[slot + 1]) == accessed)
            {
                kept.Add(slot + 1);
            }
        }

        return [.. kept.Select(slot => alone.Instructions[slot])];
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// A list of EL1 instructions, one per slot, assembled by binutils and run on QEMU once per run (each a
/// value of HCR_EL2 and MDCR_EL2): the first test that reads <see cref="Output"/> runs QEMU, the others
/// share what it recorded.
/// </summary>
public abstract class ProbeOnQemu
{
    private readonly Lazy<QemuRunner.ProbeOutput> output;

    /// <summary>Assembles <paramref name="instructions"/> for <paramref name="guest"/>, to run on QEMU's <paramref name="cpu"/> once per run.</summary>
    protected ProbeOnQemu(ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble, IReadOnlyList<ProbeRun> runs, string cpu)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(assemble);
        Guest = guest;
        Cpu = cpu;
        Instructions = instructions;
        Words = assemble([.. instructions.Select(i => i.Text)]);
        Xunit.Assert.Equal(instructions.Count, Words.Count);
        Runs = runs;
        output = new(() =>
        {
            var clock = Stopwatch.StartNew();
            var assembly = ProbeProgram.Assembly(guest, instructions, runs);
            var result = guest.PrintsChangesOnly
                ? QemuRunner.RunChanges(assembly, instructions.Count, runs.Count, cpu)
                : QemuRunner.Run(assembly, instructions.Count * runs.Count, cpu);
            QemuMilliseconds = clock.ElapsedMilliseconds;
            return result;
        });
    }

    /// <summary>Gets QEMU's name of the CPU model the probe runs on (<c>-cpu</c>), which is TrapGen's name of it too.</summary>
    public string Cpu { get; }

    /// <summary>Gets the EL1 the probe runs.</summary>
    public ProbeGuest Guest { get; }

    /// <summary>Gets the instructions, one per slot.</summary>
    public IReadOnlyList<ProbeInstruction> Instructions { get; }

    /// <summary>Gets each instruction's word, as binutils assembles it.</summary>
    public IReadOnlyList<uint> Words { get; }

    /// <summary>Gets the runs, each a value of the trap controls.</summary>
    public IReadOnlyList<ProbeRun> Runs { get; }

    /// <summary>Gets how long QEMU took (0 until <see cref="Output"/> is first read).</summary>
    public long QemuMilliseconds { get; private set; }

    /// <summary>Gets what QEMU recorded, running it the first time it is asked for.</summary>
    public QemuRunner.ProbeOutput Output => output.Value;

    /// <summary>Gets the number of executions: instructions times runs.</summary>
    public int Executions => Instructions.Count * Runs.Count;

    /// <summary>Gets QEMU's record of slot <paramref name="slot"/> in run <paramref name="run"/>.</summary>
    public (ulong Record, ulong Elr, ulong Value) Record(int run, int slot) => Output.Records[(run * Instructions.Count) + slot];

    /// <summary>Gets the address of the instruction of slot <paramref name="slot"/>.</summary>
    public ulong Address(int slot) => Output.El1Code + (ulong)((slot * Guest.SlotSize) + Guest.InstructionOffset);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// One probe of <see cref="ProbeInstructions"/> at one EL1 execution state, run on QEMU once per test
/// process (the first test that asks runs it) and shared by every test that compares with it: under no
/// trap control, each of <see cref="ProbeInstructions.Controls"/> alone (HCR_EL2's and MDCR_EL2's), MDCR_EL2.TDE
/// alone, and all of them together (<see cref="ProbeRun.For"/>).
/// </summary>
public sealed class QemuProbe
{
    private static readonly Lazy<QemuProbe> Aarch64Probe = new(() => new QemuProbe(ProbeGuest.Aarch64, ProbeInstructions.Aarch64(), GuestCode.A64));

    private static readonly Lazy<QemuProbe> Aarch32Probe = new(() => new QemuProbe(ProbeGuest.Aarch32, ProbeInstructions.Aarch32(), GuestCode.A32));

    private readonly Lazy<QemuRunner.ProbeOutput> output;

    private QemuProbe(ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble)
    {
        Guest = guest;
        Instructions = instructions;
        Words = assemble([.. instructions.Select(i => i.Text)]);
        Xunit.Assert.Equal(instructions.Count, Words.Count);
        Runs = ProbeRun.For(guest.Rw, ProbeInstructions.Controls);
        output = new(() =>
        {
            var clock = Stopwatch.StartNew();
            var result = QemuRunner.Run(ProbeProgram.Assembly(guest, instructions, Runs), instructions.Count * Runs.Count);
            QemuMilliseconds = clock.ElapsedMilliseconds;
            return result;
        });
    }

    /// <summary>Gets the probe of an AArch64 EL1.</summary>
    public static QemuProbe Aarch64 => Aarch64Probe.Value;

    /// <summary>Gets the probe of an AArch32 EL1 (Supervisor mode, A32).</summary>
    public static QemuProbe Aarch32 => Aarch32Probe.Value;

    /// <summary>Gets the EL1 the probe runs.</summary>
    public ProbeGuest Guest { get; }

    /// <summary>Gets the instructions, one per slot.</summary>
    public IReadOnlyList<ProbeInstruction> Instructions { get; }

    /// <summary>Gets each instruction's word, as binutils assembles it.</summary>
    public IReadOnlyList<uint> Words { get; }

    /// <summary>Gets the runs: no control, each control alone, TDE alone, all of them.</summary>
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

    /// <summary>Gets the slot of the instruction named <paramref name="name"/>, which must be in the probe once.</summary>
    public int Slot(string name) => Instructions.Select((instruction, slot) => (instruction, slot)).Single(pair => pair.instruction.Name == name).slot;
}

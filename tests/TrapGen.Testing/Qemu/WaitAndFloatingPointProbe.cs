using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// The QEMU probe of the controls that trap instructions rather than register accesses (issue 23): HCR_EL2.TWI and
/// TWE (WFI, WFE: EC 0x01) and CPTR_EL2.TFP (the SIMD and floating-point instructions and registers: EC 0x07), with
/// HCR_EL2.TID0 and TID3, which trap the VMRS of the floating-point ID registers that TFP traps too. It runs
/// <see cref="WaitAndFloatingPointInstructions"/> at an AArch64 EL1, an AArch32 one in A32 and one in T32, on QEMU's
/// cortex-a57 and max, under no control, each alone, every pair and all of them. EL1 has CPACR_EL1.FPEN 0b11 and, in
/// AArch32, FPEXC.EN 1, so that the guest's own enables do not come first. A run with TWI clear makes a virtual IRQ
/// pending (<see cref="ProbeRun.VirtualIrqPending"/>), so that its WFI completes instead of waiting for an interrupt
/// that never comes; a run with TWI set has none pending, so that its WFI would wait, which is when TWI traps it. Each
/// probe is run once per test process.
/// </summary>
public sealed class WaitAndFloatingPointProbe : ProbeOnQemu
{
    private static readonly Dictionary<(string Model, string Set), Lazy<WaitAndFloatingPointProbe>> Probes = new();

    private WaitAndFloatingPointProbe(CpuModel model, ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble)
        : base(guest, instructions, assemble, RunsOf(guest.Rw), model.Name)
    {
        Model = model;
    }

    /// <summary>The instruction sets the probe runs: a64, a32 and t32.</summary>
    public static IReadOnlyList<string> Sets { get; } = ["a64", "a32", "t32"];

    /// <summary>The QEMU models the probe runs on: cortex-a57 (Armv8.0) and max (every feature QEMU 7.2 emulates).</summary>
    public static IReadOnlyList<string> Models { get; } = ["cortex-a57", "max"];

    /// <summary>Gets the controls the probe sets, by name: HCR_EL2.TWI, TWE, TID0 and TID3, and CPTR_EL2.TFP.</summary>
    public static IReadOnlyList<TrapControl> Controls { get; } =
        [.. new[] { "TWI", "TWE", "TFP", "TID0", "TID3" }.Select(name => TrapControls.Find(name) ?? throw new InvalidOperationException("no trap control " + name))];

    /// <summary>Gets the CPU model.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the probe of <paramref name="model"/> (one of <see cref="Models"/>) in the instruction set <paramref name="set"/> (one of <see cref="Sets"/>).</summary>
    public static WaitAndFloatingPointProbe Of(string model, string set)
    {
        var cpu = CpuModels.Find(model) ?? throw new ArgumentException("no CPU model " + model, nameof(model));
        lock (Probes)
        {
            if (!Probes.TryGetValue((model, set), out var probe))
            {
                probe = new(() => set switch
                {
                    "a64" => new WaitAndFloatingPointProbe(cpu, ProbeGuest.Aarch64, WaitAndFloatingPointInstructions.A64, GuestCode.A64),
                    "a32" => new WaitAndFloatingPointProbe(cpu, ProbeGuest.Aarch32, WaitAndFloatingPointInstructions.A32, GuestCode.A32),
                    "t32" => new WaitAndFloatingPointProbe(cpu, ProbeGuest.Thumb32, WaitAndFloatingPointInstructions.T32, GuestCode.T32),
                    _ => throw new ArgumentException("no instruction set " + set, nameof(set)),
                });
                Probes.Add((model, set), probe);
            }

            return probe.Value;
        }
    }

    /// <summary>None, each control alone, every pair and all of them; a virtual IRQ pending wherever HCR_EL2.TWI is clear.</summary>
    private static ProbeRun[] RunsOf(ulong rw) =>
        ProbeRun.For(rw, Controls).Where(r => r.Name != "TDE").Concat(ProbeRun.Pairs(rw, Controls))
            .Select(r => r with { VirtualIrqPending = (r.Hcr & TrapControls.Find("TWI")!.Mask) == 0 })
            .ToArray();
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// A write probe of one CPU model on QEMU (issue 22, what a write keeps): at EL2, for every register of
/// Tables/register-write-masks.table the model has, it saves the register, writes each of
/// <see cref="Patterns"/>, reads it back and restores it. EL1 never runs, and with HCR_EL2.E2H clear no EL1
/// register controls EL2, so every bit can be written (SCTLR_EL1.M, C and I among them) without disturbing
/// the probe. One QEMU run per model, shared by every test of the process.
/// </summary>
public sealed class WriteProbe
{
    /// <summary>What each register is written with: all ones, then all zeros.</summary>
    public static IReadOnlyList<ulong> Patterns { get; } = [ulong.MaxValue, 0];

    private static readonly Dictionary<string, Lazy<WriteProbe>> Probes = new(StringComparer.Ordinal);

    private WriteProbe(CpuModel model)
    {
        Model = model;
        Registers = [.. WriteMasks.Registers.Select(name => Aarch64Registers.All.Single(r => r.Name == name)).Where(model.Implements)];
        var writes = Registers.SelectMany(register => Patterns.Select(pattern => (register, pattern))).ToArray();
        var clock = Stopwatch.StartNew();
        var output = QemuRunner.Run(Assembly(writes), writes.Length, model.Name);
        QemuMilliseconds = clock.ElapsedMilliseconds;
        Results = [.. writes.Select((write, i) => new Result(write.register, output.Records[i].Record, output.Records[i].Elr, output.Records[i].Value))];
    }

    /// <summary>Gets the model.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the registers written, in table order.</summary>
    public IReadOnlyList<Aarch64Register> Registers { get; }

    /// <summary>Gets each write: per register, per pattern.</summary>
    public IReadOnlyList<Result> Results { get; }

    /// <summary>Gets how long QEMU took, assembling and linking included.</summary>
    public long QemuMilliseconds { get; }

    /// <summary>Gets the probe of <paramref name="model"/>, running QEMU the first time it is asked for.</summary>
    public static WriteProbe Of(CpuModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Lazy<WriteProbe> probe;
        lock (Probes)
        {
            if (!Probes.TryGetValue(model.Name, out probe!))
            {
                probe = new(() => new WriteProbe(model));
                Probes.Add(model.Name, probe);
            }
        }

        return probe.Value;
    }

    /// <summary>The probe's source: per write, save, write, read back, restore, and print the written value, what was read and the saved value.</summary>
    public static string Assembly(IReadOnlyList<(Aarch64Register Register, ulong Pattern)> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var s = new StringBuilder();
        void Line(string text) => s.Append(text).Append('\n');

        foreach (var line in ProbeProgram.BeginningWithoutSlots)
        {
            Line(line);
        }

        foreach (var (register, pattern) in writes)
        {
            var e = register.Encoding.ToString();
            Line("    mrs x20, " + e);
            Line(string.Create(CultureInfo.InvariantCulture, $"    ldr x21, =0x{pattern:x}"));
            Line("    msr " + e + ", x21");
            Line("    isb");
            Line("    mrs x22, " + e);
            Line("    msr " + e + ", x20");
            Line("    isb");
            foreach (var (value, after) in new[] { ("x21", "space"), ("x22", "space"), ("x20", "newline") })
            {
                Line("    mov x0, " + value);
                Line("    bl puthex");
                Line("    bl " + after);
            }
        }

        foreach (var line in ProbeProgram.Ending)
        {
            Line(line);
        }
        Line(".ltorg");
        Line(".balign 2048");
        Line("el2_vectors:");
        // Any exception at EL2 (an MSR QEMU's model UNDEFs) ends the probe with "!" and ESR_EL2.
        for (var entry = 0; entry < 16; entry++)
        {
            Line("    b el2_fatal");
            Line("    .balign 128");
        }

        return s.ToString();
    }

    /// <summary>One write of the probe.</summary>
    /// <param name="Register">The register written.</param>
    /// <param name="Written">The value written.</param>
    /// <param name="Read">What it read back.</param>
    /// <param name="Before">What it held before (restored after).</param>
    public sealed record Result(Aarch64Register Register, ulong Written, ulong Read, ulong Before);
}

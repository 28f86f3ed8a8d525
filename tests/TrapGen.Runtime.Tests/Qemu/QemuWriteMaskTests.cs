using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 22, what a write keeps, against QEMU 7.2: for each model, every register of
/// Tables/register-write-masks.table is written with all ones and all zeros at EL2 on QEMU (<see cref="WriteProbe"/>,
/// one run per model) and by an EL1 MSR on TrapGen's emulated CPU of the same model, and read back. Every bit must
/// read the same. The Arm ARM lets an implementation store a reserved bit or fix it; QEMU stores most, and the
/// model says which (cpu-models.table's STORES rows), so there is no departure to excuse: a field TrapGen keeps
/// that QEMU clears, or one QEMU keeps that the model neither implements nor stores, is a disagreement.
/// </summary>
public sealed class QemuWriteMaskTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(QemuModelSweepTests.QemuModels), MemberType = typeof(QemuModelSweepTests))]
    public void Every_write_keeps_the_bits_qemus_model_keeps(string name)
    {
        var model = CpuModels.Find(name)!;
        var probe = WriteProbe.Of(model);
        var code = GuestCode.A64([.. probe.Registers.SelectMany(r => new[] { "msr " + r.Encoding + ", x5", "mrs x6, " + r.Encoding })]);
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var (result, i) in probe.Results.Select((r, i) => (r, i)))
        {
            var index = probe.Registers.ToList().IndexOf(result.Register);
            var trapGen = TrapGenReads(model, code[2 * index], code[(2 * index) + 1], result.Written);
            compared += 64;
            for (var differing = result.Read ^ trapGen; differing != 0; differing &= differing - 1)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(differing);
                var field = FieldAt(result.Register.Name, bit);
                disagreements.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Register.Name}.{field} [{bit}] after writing 0x{result.Written:x}: QEMU reads 0x{result.Read:x}, TrapGen 0x{trapGen:x}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {probe.Registers.Count} registers, {probe.Results.Count} writes, {compared} bits compared, QEMU {probe.QemuMilliseconds} ms"));
        output.WriteLine(disagreements.Distinct().Count() + " disagreements");
        foreach (var line in disagreements.Distinct())
        {
            output.WriteLine(line);
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Distinct()));
    }

    /// <summary>What TrapGen's emulated CPU of <paramref name="model"/> reads back after an EL1 MSR of <paramref name="written"/>.</summary>
    private static ulong TrapGenReads(CpuModel model, uint msr, uint mrs, ulong written)
    {
        var domain = new Domain([Cpu.ExecutionState.Aarch64], model: model);
        domain.Hypervisor.Hcr.TrapVirtualMemoryWrites = false;
        domain.Current.Registers.WriteX(5, written);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(msr).Kind);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(mrs).Kind);
        return domain.Current.Registers.ReadX(6);
    }

    /// <summary>The field of the write-mask table at <paramref name="bit"/>, or "bit n" for a bit no row names (RES0).</summary>
    private static string FieldAt(string register, int bit) =>
        WriteMasks.Of(register).FirstOrDefault(r => (r.Field.Mask & (1UL << bit)) != 0)?.Field.Name ?? string.Create(CultureInfo.InvariantCulture, $"bit {bit}");
}

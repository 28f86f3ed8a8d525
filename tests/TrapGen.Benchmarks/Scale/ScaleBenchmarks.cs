using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TrapGen.Benchmarks.Dispatch;
using TrapGen.Runtime.Cpu;
using Large = TrapGen.Benchmarks.Large;
using Real = TrapGen.Runtime;

namespace TrapGen.Benchmarks.Scale;

/// <summary>
/// Does the generated dispatch stay flat as the catalogue grows? The same kind of stream (a read and a
/// write of every AArch64 register, one in nine unknown) through the dispatch generated from the real
/// catalogue and from Catalogues/large.registers.yaml. Each group's baseline is the real catalogue.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScaleBenchmarks
{
    private uint[] realStream = [];
    private uint[] largeStream = [];
    private Real.TrapDispatcher real = null!;
    private Large.TrapDispatcher large = null!;
    private Vcpu vcpu = null!;
    private FrozenDictionary<uint, int> realTable = null!;
    private FrozenDictionary<uint, int> largeTable = null!;

    /// <summary>Builds both dispatchers and streams.</summary>
    [GlobalSetup]
    public void Setup()
    {
        vcpu = new Vcpu(0, ExecutionState.Aarch64);
        realStream = SyndromeStream.Aarch64();
        largeStream = SyndromeStream.Aarch64(Large.SystemRegisters.All.Select(r => (r.Op0, r.Op1, r.CRn, r.CRm, r.Op2)));
        var hypervisor = new Real.Traps.Hypervisor(vcpu);
        real = new Real.TrapDispatcher(hypervisor.Hardware, hypervisor.Hcr, hypervisor.Forwarded, vcpu, hypervisor.Model);
        large = new Large.TrapDispatcher(vcpu);
        realTable = Real.SystemRegisters.All.Where(r => r.IsAarch64Dispatched).ToFrozenDictionary(r => r.Key, r => (int)r.Register);
        largeTable = Large.SystemRegisters.All.ToFrozenDictionary(r => r.Key, r => (int)r.Register);
    }

    /// <summary>Generated switch, real catalogue (17 registers).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SyndromeStream.Length)]
    [BenchmarkCategory("GeneratedSwitch")]
    public int GeneratedSwitch_Real()
    {
        var handled = 0;
        foreach (var esr in realStream)
        {
            if (real.Dispatch(esr) == TrapResult.Handled)
            {
                vcpu.Pc += 4;
                handled++;
            }
        }

        return handled;
    }

    /// <summary>Generated switch, large catalogue (729 registers).</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    [BenchmarkCategory("GeneratedSwitch")]
    public int GeneratedSwitch_Large()
    {
        var handled = 0;
        foreach (var esr in largeStream)
        {
            if (large.Dispatch(esr) == TrapResult.Handled)
            {
                vcpu.Pc += 4;
                handled++;
            }
        }

        return handled;
    }

    /// <summary>For context: finding the register in a FrozenDictionary, real catalogue.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SyndromeStream.Length)]
    [BenchmarkCategory("FrozenDictionaryLookup")]
    public int FrozenDictionaryLookup_Real() => Lookup(realStream, realTable);

    /// <summary>For context: finding the register in a FrozenDictionary, large catalogue.</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    [BenchmarkCategory("FrozenDictionaryLookup")]
    public int FrozenDictionaryLookup_Large() => Lookup(largeStream, largeTable);

    private static int Lookup(uint[] stream, FrozenDictionary<uint, int> table)
    {
        var found = 0;
        foreach (var esr in stream)
        {
            found += table.TryGetValue(EsrFields.GetISS(esr) & MsrIss.KeyMask, out var register) ? register : 0;
        }

        return found;
    }
}

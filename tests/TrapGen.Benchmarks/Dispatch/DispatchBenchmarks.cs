using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TrapGen.Runtime;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>
/// One trap, ns and bytes: the runtime's generated dispatch against the same handlers found by a
/// Dictionary, a FrozenDictionary and a sorted array, and against the bare handler call. The stream
/// holds every catalogued form, read and write, AArch64 and AArch32, and one in nine for a register no
/// catalogue entry handles: shuffled (<see cref="SyndromeStream.Mixed"/>, the measure and the
/// worst case for branch prediction), as a repeating sequence (<see cref="SyndromeStream.MixedRepeating"/>),
/// and, as the best case, one register only (<see cref="SyndromeStream.OneRegister"/>).
/// </summary>
[BenchmarkCategory("Dispatch")]
public class DispatchBenchmarks
{
    /// <summary>Gets or sets the order of the stream.</summary>
    [Params(StreamOrder.Shuffled, StreamOrder.Repeating, StreamOrder.OneRegister)]
    public StreamOrder Order { get; set; }

    private uint[] stream = [];
    private Hypervisor hypervisor = null!;
    private LookupTrapPath<DictionaryLookup> dictionary = null!;
    private LookupTrapPath<FrozenDictionaryLookup> frozen = null!;
    private LookupTrapPath<SortedArrayLookup> sorted = null!;
    private TableMachine floorMachine = null!;
    private TrapDispatcher dispatcher = null!;
    private TableHandler[] resolved = [];
    private uint[] resolvedIss = [];

    /// <summary>Builds the runtime, the tables and the stream.</summary>
    [GlobalSetup]
    public void Setup()
    {
        stream = Order switch
        {
            StreamOrder.Shuffled => SyndromeStream.Mixed(),
            StreamOrder.Repeating => SyndromeStream.MixedRepeating(),
            _ => SyndromeStream.OneRegister(),
        };
        hypervisor = new Hypervisor(new Vcpu(0, ExecutionState.Aarch64));
        dispatcher = new TrapDispatcher(new SystemRegisterFile(), new HypervisorConfiguration(), new Runtime.Emulation.ForwardedInstructions(), new Vcpu(0, ExecutionState.Aarch64), Architecture.CpuModels.Default);
        var table = HandlerTable.Build();
        dictionary = new(new TableMachine(new Vcpu(0, ExecutionState.Aarch64)), new DictionaryLookup(new Dictionary<uint, TableHandler>(table)));
        frozen = new(new TableMachine(new Vcpu(0, ExecutionState.Aarch64)), new FrozenDictionaryLookup(table.ToFrozenDictionary()));
        sorted = new(new TableMachine(new Vcpu(0, ExecutionState.Aarch64)), new SortedArrayLookup(table));

        // The floor: each syndrome's handler found in advance; unknown registers get a handler that does nothing.
        floorMachine = new TableMachine(new Vcpu(0, ExecutionState.Aarch64));
        var none = new NoHandler();
        resolved = stream.Select(esr => table.GetValueOrDefault(HandlerTable.KeyOf(esr)) ?? none).ToArray();
        resolvedIss = stream.Select(EsrFields.GetISS).ToArray();
    }

    /// <summary>TrapGen: the runtime's trap entry, generated switch and handlers, PC advance.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SyndromeStream.Length)]
    public int GeneratedSwitch()
    {
        var handled = 0;
        foreach (var esr in stream)
        {
            handled += hypervisor.HandleTrap(esr) == TrapOutcome.Handled ? 1 : 0;
        }

        return handled;
    }

    /// <summary>The same path with handlers found in a Dictionary.</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int Dictionary() => Run(dictionary);

    /// <summary>The same path with handlers found in a FrozenDictionary.</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int FrozenDictionary() => Run(frozen);

    /// <summary>The same path with handlers found by binary search in a sorted array.</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int SortedArrayBinarySearch() => Run(sorted);

    /// <summary>
    /// The generated dispatch alone (<see cref="TrapDispatcher.Dispatch"/>: the exception class, the
    /// perfect hash, the table entry and the value's move), without the trap entry's condition check,
    /// outcome, PC advance and count: the part the generator decides.
    /// </summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int GeneratedDispatchOnly()
    {
        var handled = 0;
        foreach (var esr in stream)
        {
            handled += dispatcher.Dispatch(esr) == TrapResult.Handled ? 1 : 0;
        }

        return handled;
    }

    /// <summary>The same with the handler found in a Dictionary and called (<see cref="LookupTrapPath{TLookup}.Dispatch"/>).</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int DictionaryDispatchOnly()
    {
        var handled = 0;
        foreach (var esr in stream)
        {
            handled += dictionary.Dispatch(esr) == TrapResult.Handled ? 1 : 0;
        }

        return handled;
    }

    /// <summary>The floor: only the handler call, with no decode, lookup or PC advance.</summary>
    [Benchmark(OperationsPerInvoke = SyndromeStream.Length)]
    public int HandlerCallOnly()
    {
        var handled = 0;
        for (var i = 0; i < resolved.Length; i++)
        {
            handled += resolved[i].Handle(floorMachine, resolvedIss[i]) == TrapResult.Handled ? 1 : 0;
        }

        return handled;
    }

    private int Run<TLookup>(LookupTrapPath<TLookup> path)
        where TLookup : struct, IHandlerLookup
    {
        var handled = 0;
        foreach (var esr in stream)
        {
            handled += path.HandleTrap(esr) == TrapOutcome.Handled ? 1 : 0;
        }

        return handled;
    }

    private sealed class NoHandler : TableHandler
    {
        public override TrapResult Handle(TableMachine machine, uint iss) => TrapResult.Unhandled;
    }
}

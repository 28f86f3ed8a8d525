using System.Collections.Generic;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Guests;

/// <summary>What a guest program's instructions did, counted as they ran.</summary>
public sealed class GuestProgramCounts
{
    private readonly Dictionary<int, VcpuTrapCounts> vcpus = [];
    private readonly List<KeyValuePair<string, int>> trapsPerRegister = [];
    private readonly List<KeyValuePair<string, int>> trapsPerControl = [];
    private readonly List<UnhandledAccess> unhandled = [];

    /// <summary>Gets the traps per register name (<see cref="TrapReport.DisplayName"/>, empty when it has none), in order of first appearance.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TrapsPerRegister => trapsPerRegister;

    /// <summary>Gets the traps per trap control's qualified name (HCR_EL2.TVM, CNTHCTL_EL2.EL1PCTEN; ? when none is known), in order of first appearance.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TrapsPerControl => trapsPerControl;

    /// <summary>Gets the trapped accesses no catalogue entry handled, in the order they ran.</summary>
    public IReadOnlyList<UnhandledAccess> Unhandled => unhandled;

    /// <summary>What the accesses of vCPU <paramref name="vcpu"/> did.</summary>
    public VcpuTrapCounts Of(int vcpu) => vcpus.GetValueOrDefault(vcpu);

    /// <summary>Counts what <paramref name="instruction"/>, run on vCPU <paramref name="vcpu"/>, did; <paramref name="mmuWasOn"/> says whether the guest's MMU was on when it ran.</summary>
    internal void Count(int vcpu, in ExecutedInstruction instruction, bool mmuWasOn)
    {
        var counts = Of(vcpu);
        var execution = instruction.Execution;
        if (execution.Trapped)
        {
            vcpus[vcpu] = mmuWasOn ? counts with { TrapsAfterMmu = counts.TrapsAfterMmu + 1 } : counts with { TrapsBeforeMmu = counts.TrapsBeforeMmu + 1 };
            Increment(trapsPerRegister, instruction.Register ?? string.Empty);
            Increment(trapsPerControl, execution.Control?.QualifiedName ?? "?");
        }
        else if (execution.Kind == ExecutionKind.Direct)
        {
            vcpus[vcpu] = counts with { Direct = counts.Direct + 1 };
        }

        if (instruction.IsUnhandled)
        {
            unhandled.Add(new UnhandledAccess(execution.Esr, instruction.Pc));
        }
    }

    private static void Increment(List<KeyValuePair<string, int>> counts, string name)
    {
        var index = counts.FindIndex(pair => pair.Key == name);
        if (index < 0)
        {
            counts.Add(new KeyValuePair<string, int>(name, 1));
        }
        else
        {
            counts[index] = new KeyValuePair<string, int>(name, counts[index].Value + 1);
        }
    }
}

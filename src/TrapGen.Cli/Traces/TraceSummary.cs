using System.Collections.Generic;

namespace TrapGen.Cli.Traces;

/// <summary>What a trace run counted.</summary>
internal sealed class TraceSummary
{
    /// <summary>Per vCPU: traps while its MMU was off, traps with it on, accesses that did not trap.</summary>
    public Dictionary<int, (int TrapsBeforeMmu, int TrapsAfterMmu, int Direct)> Vcpus { get; } = [];

    /// <summary>Traps per register name, in order of first appearance.</summary>
    public List<KeyValuePair<string, int>> TrapsPerRegister { get; } = [];

    /// <summary>Traps per trap control (HCR_EL2.TVM, CNTHCTL_EL2.EL1PCTEN), in order of first appearance.</summary>
    public List<KeyValuePair<string, int>> TrapsPerControl { get; } = [];

    /// <summary>Accesses no catalogue entry handled, as the seed logs them.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Whether the domain was crashed.</summary>
    public bool Crashed { get; set; }

    /// <summary>Counts a trap of <paramref name="register"/> by <paramref name="control"/> (its qualified name).</summary>
    public void CountTrap(string register, string control)
    {
        Increment(TrapsPerRegister, register);
        Increment(TrapsPerControl, control);
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

using System.Collections.Generic;

namespace TrapGen.Cli.Traces;

/// <summary>What a trace run counted.</summary>
internal sealed class TraceSummary
{
    /// <summary>Per vCPU: traps while its MMU was off, traps with it on, accesses that did not trap.</summary>
    public Dictionary<int, (int TrapsBeforeMmu, int TrapsAfterMmu, int Direct)> Vcpus { get; } = [];

    /// <summary>Traps per register name, in order of first appearance.</summary>
    public List<KeyValuePair<string, int>> TrapsPerRegister { get; } = [];

    /// <summary>Accesses no catalogue entry handled, as the seed logs them.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Whether the domain was crashed.</summary>
    public bool Crashed { get; set; }

    public void CountTrap(string register)
    {
        var index = TrapsPerRegister.FindIndex(pair => pair.Key == register);
        if (index < 0)
        {
            TrapsPerRegister.Add(new KeyValuePair<string, int>(register, 1));
        }
        else
        {
            TrapsPerRegister[index] = new KeyValuePair<string, int>(register, TrapsPerRegister[index].Value + 1);
        }
    }
}

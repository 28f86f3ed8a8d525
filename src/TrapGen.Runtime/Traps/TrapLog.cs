using System;
using System.IO;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The default path's log: every unhandled access as the seed prints it, followed by the
/// registers.yaml entry that would handle it.
/// </summary>
public sealed class TrapLog(TextWriter writer) : ITrapObserver
{
    /// <inheritdoc/>
    public void OnTrap(in TrapRecord record)
    {
        if (record.Outcome is not (TrapOutcome.UnhandledUndefined or TrapOutcome.UnhandledCrash))
        {
            return;
        }

        var action = record.Outcome == TrapOutcome.UnhandledCrash ? "crashing the domain" : "injecting UNDEF";
        writer.WriteLine("unhandled " + TrapReport.LogLine(record.Esr, record.Pc) + " (vCPU " + record.Vcpu.Id + ", " + action + ")");
        writer.WriteLine(TrapReport.CatalogueEntry(record.Esr) ?? string.Empty);
    }
}

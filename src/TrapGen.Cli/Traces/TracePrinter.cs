using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Traces;

/// <summary>Prints a trace run (docs/traces.md): the header, vCPU and HCR_EL2 lines, one line per instruction, and the summary.</summary>
internal sealed class TracePrinter(TextWriter output)
{
    /// <summary>The header naming <see cref="InstructionLine"/>'s columns, printed once per trace.</summary>
    private static readonly CompositeFormat HeaderFormat = CompositeFormat.Parse("  {0,-8}  {1,-30} {2,-10} {3,-16} {4}{5}");

    /// <summary>Prints the trace's first lines: the CPU model, how its domain is built, and the column header.</summary>
    public void Header(string name, int vcpus, CpuModel model)
    {
        output.WriteLine("Trace " + name + ": " + vcpus.ToString(CultureInfo.InvariantCulture) + " vCPU(s) on " + model.Name + "; the domain is built with HCR_EL2.DC and TVM set (the guest's MMU is off)");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, HeaderFormat, "pc", "instruction", "outcome", "register", "value", "  note").TrimEnd());
    }

    /// <summary>Prints the running vCPU and whether HCR_EL2.DC and TVM are set for it.</summary>
    public void Vcpu(Domain domain)
    {
        var hcr = domain.Hypervisor.Hcr;
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "vCPU {0} ({1}): HCR_EL2.DC {2}, TVM {3}",
            domain.Current.Id,
            StateName(domain.Current),
            hcr.DefaultCacheable ? "set" : "clear",
            hcr.TrapVirtualMemoryWrites ? "set" : "clear"));
    }

    /// <summary>
    /// After an <c>hcr</c>, <c>mdcr</c>, <c>cptr</c>, <c>cnthctl</c> or fine-grained (<c>hfgwtr</c>, ...) line: HCR_EL2.DC or MDCR_EL2.TDE, every trap control of
    /// <paramref name="register"/> set in <paramref name="value"/> (one <paramref name="model"/> lacks is RES0 there, and says
    /// so), the controls that trap while clear (HCR_EL2.APK, CNTHCTL_EL2.EL1PCTEN, ...) that the model has and
    /// <paramref name="value"/> leaves clear, and those <paramref name="value"/> sets that the model lacks (RES0 there).
    /// </summary>
    public void ControlRegister(string register, ulong value, CpuModel model)
    {
        var controls = TrapControls.Of(register).ToList();
        var set = controls.Where(c => !c.IsCounterLimit && c.TrapsWhenSet && ((value >> c.Bit) & 1) != 0)
            .Select(c => c.ExistsOn(model) ? c.Name : c.Name + " (RES0 on " + model.Name + ", which lacks " + c.Needs + ")").ToList();
        // An event counter limit (MDCR_EL2.HPMN) is a number, said when not 0 (0 is reserved without FEAT_HPMN0: no counter traps).
        set.AddRange(controls.Where(c => c.IsCounterLimit && (value & c.Mask) != 0).Select(c => c.Name + "=" + ((value & c.Mask) >> c.Bit).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // A qualifier (HCRX_EL2.FGTnXS) traps nothing itself, clear or set.
        var clear = controls.Where(c => !c.TrapsWhenSet && !c.IsQualifier && ((value >> c.Bit) & 1) == 0 && c.ExistsOn(model)).Select(c => c.Name).ToList();
        // An enable set on a model that lacks it (HCRX_EL2.D128En without FEAT_D128) is RES0 there: setting it gives nothing.
        var absent = controls.Where(c => !c.TrapsWhenSet && !c.IsCounterLimit && ((value >> c.Bit) & 1) != 0 && !c.ExistsOn(model))
            .Select(c => c.Name + " (which needs " + c.Needs + ")").ToList();
        var prefix = register switch
        {
            HcrEl2.Name => "DC " + (((value >> HcrEl2.DC) & 1) != 0 ? "set" : "clear") + "; " + Nv2(value, model),
            MdcrEl2.Name => "TDE " + (((value >> MdcrEl2.TDE) & 1) != 0 ? "set (TDA, TDOSA and TDRA act as set)" : "clear") + "; ",
            _ => string.Empty,
        };
        output.WriteLine(register + ": " + prefix + "trap controls set: " + (set.Count == 0 ? "none" : string.Join(", ", set))
            + (clear.Count == 0 ? string.Empty : "; trapping while clear: " + string.Join(", ", clear))
            + (absent.Count == 0 ? string.Empty : "; set, but RES0 on " + model.Name + ": " + string.Join(", ", absent)));
    }

    /// <summary>
    /// What HCR_EL2.NV2 does, when set: <c>NV2 set (EL1 accesses to memory at VNCR_EL2); </c>, or that it is RES0 on a model
    /// without FEAT_NV2, or that it waits for NV; nothing when clear.
    /// </summary>
    private static string Nv2(ulong value, CpuModel model) =>
        Layouts.HcrEl2Nested.NV2.Extract(value) == 0 ? string.Empty
            : !model.Has(NestedVirtualisation.MemoryFeature) ? "NV2 set, but RES0 on " + model.Name + ", which lacks " + NestedVirtualisation.MemoryFeature + "; "
            : NestedVirtualisation.EffectiveNvx(value, model) < 0b100 ? "NV2 set, but without effect while NV is clear; "
            : "NV2 set (EL1's accesses of nv2-memory.table go to memory at VNCR_EL2); ";

    /// <summary>Prints one instruction's line and, for an access no catalogue entry handled, the seed's log line and the entry that would handle it.</summary>
    public void Instruction(in ExecutedInstruction instruction, in HcrChange hcr)
    {
        output.WriteLine(InstructionLine.Format(instruction, hcr));
        if (instruction.IsUnhandled)
        {
            var esr = instruction.Execution.Esr;
            output.WriteLine("      unhandled " + TrapReport.LogLine(esr, instruction.Pc));
            foreach (var line in TrapReport.CatalogueEntry(esr)?.Split('\n') ?? [])
            {
                output.WriteLine("      " + line);
            }
        }
    }

    /// <summary>Says that the trace stops because the domain was crashed.</summary>
    public void Crashed() => output.WriteLine("  the domain was crashed; the trace stops here");

    /// <summary>Prints the summary of the run: per vCPU, per trap control, per register, and the unknown accesses.</summary>
    public void Summary(GuestProgramExecutor executor, string name)
    {
        var counts = executor.Counts;
        output.WriteLine("Summary of " + name);
        foreach (var vcpu in executor.Domain.Vcpus)
        {
            var ofVcpu = counts.Of(vcpu.Id);
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  vCPU {0} ({1}): {2} trap(s) before its MMU was enabled, {3} after; {4} direct access(es); {5} UNDEF(s) injected",
                vcpu.Id,
                StateName(vcpu),
                ofVcpu.TrapsBeforeMmu,
                ofVcpu.TrapsAfterMmu,
                ofVcpu.Direct,
                vcpu.UndefinedExceptions));
        }

        output.WriteLine("  traps per control: " + Counts(counts.TrapsPerControl));
        output.WriteLine("  traps per register: " + Counts(counts.TrapsPerRegister));
        output.WriteLine("  unknown accesses: " + (counts.Unhandled.Count == 0 ? "none" : counts.Unhandled.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var unknown in counts.Unhandled)
        {
            output.WriteLine("    " + TrapReport.LogLine(unknown.Esr, unknown.Pc));
        }
    }

    private static string StateName(Vcpu vcpu) => vcpu.ExecutionState == ExecutionState.Aarch64 ? "AArch64" : "AArch32";

    private static string Counts(IReadOnlyList<KeyValuePair<string, int>> counts) => counts.Count == 0
        ? "none"
        : string.Join(", ", counts.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)));
}

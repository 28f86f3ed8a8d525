using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TrapGen.Cli.Catalogues;

/// <summary>The architecture's table as <c>trapgen list --architecture</c> prints it: one section per kind.</summary>
internal static class ArchitectureTable
{
    public static void Write(ArchitectureListing listing, TextWriter output)
    {
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            (listing.Cpu is { } cpu ? "Architecture on " + cpu + " (TrapGen.Architecture, what the model has)" : "Architecture (TrapGen.Architecture)") + ": {0} AArch64 registers ({7} with MRRS/MSRR), {1} System instructions ({8} with a TLBIP), {2} AArch32 registers ({3} mapped to AArch64), {5} other trapped instructions, {4} trap controls, {6} range rules, {9} registers FEAT_NV2 sends to memory and {10} to EL1 registers",
            listing.Aarch64Registers.Count, listing.SystemInstructions.Count, listing.Aarch32Registers.Count,
            listing.Aarch32Registers.Count(r => r.MapsTo is not null), listing.TrapControls.Count, listing.TrappedInstructions.Count, listing.RangeTraps.Count, listing.Aarch64Registers128.Count, listing.SystemInstructions128.Count, listing.Nv2Memory.Count, listing.Nv2Redirections.Count));

        output.WriteLine();
        var controls = new TextTable("CONTROL", "BIT", "TRAPS WHEN", "NEEDS", "E2H", "DESCRIPTION");
        foreach (var control in listing.TrapControls)
        {
            controls.Add(control.Register + "." + control.Name, Architecture.BitField.Range(control.Bit, control.Width ?? 1), control.TrapsWhenText, control.Needs ?? "-", control.DependsOnE2h ? "0" : "-", control.Description);
        }

        controls.WriteTo(output);

        output.WriteLine();
        var aarch64 = new TextTable("AARCH64 REGISTER", "ENCODING", "ACCESS", "EL", "FEATURE", "NEEDS", "TRAPS");
        foreach (var register in listing.Aarch64Registers)
        {
            aarch64.Add(WithOthers(register.Name, register.OtherNames), register.Encoding.Generic, register.Access, Number(register.ExceptionLevel), register.Feature ?? "-", register.Requires ?? "-", Traps(register.Traps));
        }

        aarch64.WriteTo(output);

        output.WriteLine();
        var aarch64128 = new TextTable("128-BIT ACCESS", "ENCODING", "EL", "FEATURE", "NEEDS", "TRAPS");
        foreach (var register in listing.Aarch64Registers128)
        {
            aarch64128.Add("MRRS/MSRR " + register.Name, register.Encoding.Generic, Number(register.ExceptionLevel), register.Feature ?? "-", register.Requires ?? "-", Traps(register.Traps));
        }

        foreach (var instruction in listing.SystemInstructions128)
        {
            aarch64128.Add(instruction.Name, instruction.Encoding.Generic, Number(instruction.ExceptionLevel), instruction.Feature ?? "-", instruction.Requires ?? "-", Traps(instruction.Traps));
        }

        aarch64128.WriteTo(output);

        output.WriteLine();
        var instructions = new TextTable("SYSTEM INSTRUCTION", "ENCODING", "OPERAND", "EL", "FEATURE", "NEEDS", "TRAPS");
        foreach (var instruction in listing.SystemInstructions)
        {
            instructions.Add(instruction.Name, instruction.Encoding.Generic, instruction.WritesRegister ? "result" : instruction.TakesRegister ? "Xt" : "-", Number(instruction.ExceptionLevel), instruction.Feature ?? "-", instruction.Requires ?? "-", Traps(instruction.Traps));
        }

        instructions.WriteTo(output);

        output.WriteLine();
        var aarch32 = new TextTable("AARCH32 REGISTER", "ENCODING", "ACCESS", "EL", "MAPPED TO", "NEEDS", "TRAPS");
        foreach (var register in listing.Aarch32Registers)
        {
            var mapping = register.MapsTo is null ? "-" : register.MapsTo + " " + register.View;
            aarch32.Add(WithOthers(register.Name, register.OtherNames), register.Text, register.Access, Number(register.ExceptionLevel), mapping, register.Requires ?? "-", Traps(register.Traps));
        }

        aarch32.WriteTo(output);

        output.WriteLine();
        var others = new TextTable("OTHER INSTRUCTION", "EC", "STATE", "SYNDROME", "NEEDS", "TRAPS");
        foreach (var instruction in listing.TrappedInstructions)
        {
            var key = instruction.Key.Count == 0 ? "-" : string.Join(" ", instruction.Key.Select(pair => pair.Key + "=" + Number(pair.Value)));
            others.Add(instruction.Name, instruction.ExceptionClass, instruction.State, key, instruction.Needs ?? "-", string.Join(" ", instruction.Traps.Select(t => ControlName(t.Control))));
        }

        others.WriteTo(output);

        output.WriteLine();
        var ranges = new TextTable("RANGE RULE", "STATE", "EC", "ENCODING", "TRAPS", "FEATURE", "SECTION");
        foreach (var range in listing.RangeTraps)
        {
            ranges.Add(range.Control, range.State, range.ExceptionClass, range.Encoding, range.Direction, range.Feature ?? "-", range.Section);
        }

        ranges.WriteTo(output);

        output.WriteLine();
        var nested = new TextTable("NV2 MEMORY", "OFFSET", "NVX", "SECTION");
        foreach (var memory in listing.Nv2Memory)
        {
            nested.Add(memory.Register, memory.Offset, memory.Nvx, memory.Section);
        }

        foreach (var redirection in listing.Nv2Redirections)
        {
            nested.Add(redirection.Register, "-> " + redirection.To, redirection.Nvx, redirection.Section);
        }

        nested.WriteTo(output);
    }

    private static string WithOthers(string name, IReadOnlyList<string> others) =>
        others.Count == 0 ? name : name + " (" + string.Join(", ", others) + ")";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Traps(IReadOnlyList<TrapRuleListing> traps) =>
        traps.Count == 0 ? "-" : string.Join(" ", traps.Select(t => ControlName(t.Control) + (t.Counter is { } counter ? "[" + counter + "]" : string.Empty) + (t.Nvx is { } nvx ? "@" + nvx : string.Empty) + ":" + t.Direction + (t.Qualifier is null ? string.Empty : "[" + t.Qualifier + "]")));

    /// <summary>TVM of HCR_EL2.TVM; a fine-grained field keeps its register (HFGWTR_EL2.SCTLR_EL1), since its name alone says neither which register nor which direction.</summary>
    private static string ControlName(string qualified) =>
        Architecture.FineGrainedTraps.IndexOf(qualified.Split('.')[0]) >= 0 ? qualified : qualified.Split('.')[^1];
}

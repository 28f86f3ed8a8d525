using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Instructions;
using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Decoding;

/// <summary>
/// One decoded syndrome, as <c>trapgen decode</c> prints it (and, one object a line, with <c>--json</c>;
/// the shape is a contract, docs/cli.md). The register lookup is the runtime's: what this build of
/// trapgen was generated from.
/// </summary>
/// <param name="Esr">The value, as eight hexadecimal digits (sixteen when ISS2 is set).</param>
/// <param name="Ec">The exception class, as 0x and two digits.</param>
/// <param name="EcName">The exception class's architectural name.</param>
/// <param name="Il">The instruction length bit: 1 for a 32-bit instruction.</param>
/// <param name="Iss">The instruction-specific syndrome.</param>
/// <param name="Iss2">ESR_EL2[55:32], or null when zero.</param>
/// <param name="TrapClass">The trap class a catalogue dispatches it as, in lower case (msr, mcr, mcrr, cp14mcr, cp14mcrr, ldcstc, vmrs: TrapGen.Architecture's TrapClasses), or null.</param>
/// <param name="Layout">The name of the exception class's ISS layout in TrapGen.Architecture (DataAbortIss), or null when it has none.</param>
/// <param name="Fields">Every ISS field of the exception class that applies, most significant first.</param>
/// <param name="Iss2Fields">Every ISS2 field, when the exception class defines ISS2 and it is not zero.</param>
/// <param name="Summary">What the syndrome reports in one phrase ("a write of a doubleword from x0: Translation fault, level 2"), or null.</param>
/// <param name="FaultAddress">Whether FAR_EL2 holds the faulting address, when the exception class sets it; otherwise null.</param>
/// <param name="Instruction">The trapped instruction in assembler syntax, or null.</param>
/// <param name="ConditionValid">For AArch32 traps, the CV bit; null otherwise.</param>
/// <param name="Register">The catalogued register the access reaches, or null.</param>
/// <param name="ArchitecturalName">When no catalogued register matches, the name the architecture's trap lists give it, or null.</param>
/// <param name="ArchitecturalMapping">When <paramref name="ArchitecturalName"/> is an AArch32 register mapped onto an AArch64 one, which bits of it (<c>bits [31:0] of MIDR_EL1</c>); otherwise null.</param>
/// <param name="Cpu">With <c>--cpu</c>, whether the register or instruction exists on that CPU model and what the CPU does when it does not; otherwise null.</param>
/// <param name="Warnings">Bits set where no field applies and reserved field values (<see cref="SyndromeWarnings"/>); empty when there are none.</param>
/// <param name="TrappedBy">
/// For a trapped System register or instruction access, the EL2 controls that trap it in its direction, in the order
/// the access's pseudocode checks them (<c>HCR_EL2.TRVM</c> for a read of SCTLR_EL1; any of them set, or clear for one
/// that traps while clear, gives this syndrome; with a CPU model, only the controls it has); for an instruction that
/// accesses no register, those of its trapped-instructions.table row (<c>HCR_EL2.TWI</c> for WFI, <c>HCR_EL2.TSC</c> for
/// SMC); empty when no control TrapGen models traps it; null for other classes.
/// </param>
public sealed record SyndromeDescription(
    string Esr,
    string Ec,
    string EcName,
    int Il,
    string Iss,
    string? Iss2,
    string? TrapClass,
    string? Layout,
    IReadOnlyList<FieldValue> Fields,
    IReadOnlyList<FieldValue> Iss2Fields,
    string? Summary,
    string? FaultAddress,
    string? Instruction,
    bool? ConditionValid,
    RegisterMatch? Register,
    string? ArchitecturalName,
    string? ArchitecturalMapping,
    CpuPresence? Cpu,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<TrapRuleText>? TrappedBy)
{
    /// <summary>Decodes <paramref name="value"/>, checking the access against <paramref name="model"/> when there is one.</summary>
    public static SyndromeDescription From(ulong value, CpuModel? model = null)
    {
        var esr = (uint)value;
        var iss = EsrFields.GetISS(esr);
        var ec = (int)EsrFields.GetEC(esr);
        var iss2 = (uint)Layouts.Esr.ISS2.Extract(value);
        var upper = value >> Layouts.Esr.ISS2.Lsb;
        var isTrap = SyndromeKey.TryGet(esr, out var trapClass, out var key);
        var decoded = SyndromeDecoder.TryDecode(esr, out var access, out var conditionValid);
        var register = isTrap ? RegisterMatch.Find(trapClass, key, trapClass.IsRead(iss)) : null;
        var architecturalName = isTrap && register is null ? RegistersByKey.NameOf(trapClass, key, access.IsRead) : null;
        var layout = Layouts.IssOf(ec) is { } issLayout ? LayoutIndex.For(issLayout) : null;
        var iss2Layout = Layouts.Iss2Of(ec) is { } iss2Of ? LayoutIndex.For(iss2Of) : null;
        string? instruction = null;
        var unspelled = string.Empty;
        var spelled = decoded && SystemInstructionSyntax.TryFormat(access, CatalogueIndex.RegisterNames, out instruction, out unspelled);
        return new SyndromeDescription(
            upper == 0 ? Hex.Digits(esr, 8) : Hex.Digits(value, 16),
            Hex.Digits((uint)ec, 2),
            ExceptionClasses.NameOf(ec),
            (int)EsrFields.GetIL(esr),
            Hex.Digits(iss, 7),
            iss2 == 0 ? null : Hex.Digits(iss2, 6),
            isTrap ? TrapClassNames.Of(trapClass) : null,
            layout?.Layout.Name,
            layout is null ? [] : FieldValue.All(layout, iss),
            iss2Layout is null || iss2 == 0 ? [] : FieldValue.All(iss2Layout, iss2),
            decoded && !spelled ? "no instruction has these fields: " + unspelled : layout is null ? null : SyndromeSummary.Of(ec, layout, iss),
            Architecture.FaultAddress.Describe(ec, iss),
            spelled ? instruction : null,
            decoded && access.InstructionSet != InstructionSet.A64 ? conditionValid : null,
            register,
            architecturalName,
            architecturalName is not null && trapClass.IsAarch32 && RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32) && aarch32.MapsTo is { } mapsTo ? RegisterViews.Of(aarch32.View, mapsTo) : null,
            model is null ? null : isTrap ? CpuPresence.Of(model, trapClass, key, trapClass.IsRead(iss)) : InstructionTrapped(esr) is { } onModel ? CpuPresence.Of(model, onModel, SharedName(onModel)) : null,
            SyndromeWarnings.Of(layout, iss, iss2Layout, iss2, InstructionLength.Warning(esr)),
            isTrap && trapClass.IsDispatchable ? ControlsTrapping(trapClass, key, trapClass.IsRead(iss), model)
            : InstructionTrapped(esr) is { } trapped ? TrapRuleText.Of([.. trapped.Traps.Where(r => (model is null || r.ExistsOn(model)) && ArchitecturalTraps.ReportedIn(r.Control, trapped.Class) == trapped.Class)])
            : null);
    }

    /// <summary>The instruction that accesses no register a syndrome reports (WFI, SMC: trapped-instructions.table's rows), or null.</summary>
    private static TrappedInstruction? InstructionTrapped(uint esr) =>
        TrapClasses.Find(EsrFields.GetEC(esr)) is { IsDispatchable: false } trapClass && TrappedInstructions.TryFind(trapClass, trapClass.KeyOf(EsrFields.GetISS(esr)), out var instruction)
            ? instruction
            : null;

    /// <summary>The names of the rows whose key <paramref name="instruction"/>'s syndrome shares (<c>GCSSTR or GCSSTTR</c>), or null when it is its own.</summary>
    private static string? SharedName(TrappedInstruction instruction) =>
        TrappedInstructions.IsShared(instruction)
            ? string.Join(" or ", TrappedInstructions.All.Where(i => i.Class == instruction.Class && i.Key == instruction.Key).Select(i => i.Name))
            : null;

    /// <summary>The controls that trap the access, in its direction; on <paramref name="model"/>, only those it has.</summary>
    private static IReadOnlyList<TrapRuleText> ControlsTrapping(TrapClass trapClass, uint key, bool isRead, CpuModel? model) =>
        TrapRuleText.OfAccess(trapClass, key, isRead, model);
}

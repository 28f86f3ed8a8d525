using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// Describes a trapped access in words: the seed's log line, and for an access no catalogue entry
/// handles, the registers.yaml entry that would, ready to paste.
/// </summary>
public static class TrapReport
{
    /// <summary>
    /// Formats the access as the seed logs it: <c>mrs 3, 0, c1, c0, 0 =&gt; x0 @ 0x…</c> (<c>sys 1, …</c> for a System instruction),
    /// <c>mrc p15, 0, r0, c1, c0, 0 @ 0x…</c> or <c>mrrc p15, 0, r2, r3, c14 @ 0x…</c> (and p14's moves alike); VMRS,
    /// LDC/STC and SMC as the instruction the syndrome reports.
    /// </summary>
    public static string LogLine(uint esr, ulong pc)
    {
        var at = " @ 0x" + pc.ToString("x16", CultureInfo.InvariantCulture);
        if (SyndromeDecoder.TryDecode(esr, out var access, out _))
        {
            if (SeedSyntax(access) is { } seed)
            {
                return seed + at;
            }

            if (SystemInstructionSyntax.TryFormat(access, CatalogueIndex.RegisterNames, out var text, out _))
            {
                return text + at;
            }
        }

        return Invariant($"exception class 0x{EsrFields.GetEC(esr):x2}, ISS 0x{EsrFields.GetISS(esr):x7}{at}");
    }

    /// <summary>
    /// The registers.yaml entry that would handle the access, or null when the syndrome is not a trap of a
    /// class a catalogue dispatches. An architectural register gets a name-only entry (the generator takes its
    /// encoding, width and AArch32 views from the architecture), trapped as the architecture traps it; an
    /// AArch32 view is added through its AArch64 register; a register AArch32 alone has (JIDR) by its own name.
    /// </summary>
    public static string? CatalogueEntry(uint esr)
    {
        if (!SyndromeKey.TryGet(esr, out var trapClass, out var key))
        {
            return null;
        }

        SyndromeDecoder.TryDecode(esr, out var access, out _);
        var isRead = access.IsRead;
        if (trapClass.TransfersRegisterPair)
        {
            return "# a catalogue dispatches no MRRS or MSRR (a 128-bit access, EC 0x14): the hypervisor injects UNDEFINED, as KVM does for EC 0x14;\n"
                + "# to let the guest's 128-bit accesses run, set HCRX_EL2.D128En (EnIDCP128 for the IMPLEMENTATION DEFINED ones) and clear what else traps them";
        }

        if (ReservedIdSpace.Contains(trapClass, key))
        {
            return """
                # a reserved ID register (reads as zero); registers.yaml handles the whole reserved space with:
                trap_groups:
                  - name: TID3
                    others: raz-wi
                """;
        }

        if (trapClass == TrapClasses.Msr)
        {
            if (RegistersByKey.TryFindAarch64(key, isRead ? AccessDirection.Read : AccessDirection.Write, out var register))
            {
                return "# registers.yaml, under registers:\n" + NameOnlyEntry(register.Name, register.Traps);
            }

            if (RegistersByKey.TryFindInstruction(key, out var instruction))
            {
                return InstructionEntry(instruction.FullName, instruction.Traps);
            }

            return Invariant($"""
                # registers.yaml, under registers: no architectural register has this encoding
                  - name: {GenericName(access)}   # give it its name
                    implementation_defined: true
                    encoding: {"{"} op0: {access.Op0}, op1: {access.Op1}, crn: {access.CRn}, crm: {access.CRm}, op2: {access.Op2} {"}"}
                    width: 64
                    handling: passthrough
                """);
        }

        if (RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32))
        {
            if (aarch32.IsSystemInstruction && aarch32.IsGuestAccessible)
            {
                return InstructionEntry(aarch32.Name, aarch32.Traps);
            }

            if (!aarch32.IsGuestAccessible)
            {
                return "# " + aarch32.Describe() + " is EL" + aarch32.ExceptionLevel.ToString(CultureInfo.InvariantCulture) + " state: EL1 access is UNDEFINED, never catalogued";
            }

            if (aarch32.MapsTo is not { } owner)
            {
                return "# registers.yaml, under registers (" + aarch32.Name + " is a register of AArch32 alone):\n" + NameOnlyEntry(aarch32.Name, aarch32.Traps);
            }

            return CatalogueIndex.Contains(owner)
                ? "# registers.yaml, under aarch32: of " + owner + " (" + aarch32.Name + " is " + aarch32.Mapping + "):\n      - " + aarch32.Name
                : "# registers.yaml, under registers (" + aarch32.Name + " is " + aarch32.Mapping + "):\n" + NameOnlyEntry(owner, aarch32.Traps);
        }

        if (!ImplementationDefinedSpace.Contains(trapClass, key))
        {
            return "# no register of the architecture has " + GenericName(access) + ", and it is outside the IMPLEMENTATION DEFINED space: no catalogue entry can hold it";
        }

        return trapClass.Form == AccessForm.Mcr
            ? Invariant($"""
                # registers.yaml, under aarch32: of the IMPLEMENTATION DEFINED register it maps onto:
                      - name: {GenericName(access)}
                        mcr: {"{"} opc1: {access.Op1}, crn: {access.CRn}, crm: {access.CRm}, opc2: {access.Op2} {"}"}
                        view: lo   # or hi, zero-extend
                """)
            : Invariant($"""
                # registers.yaml, under aarch32: of the 64-bit IMPLEMENTATION DEFINED register it maps onto:
                      - name: {GenericName(access)}
                        mcrr: {"{"} opc1: {access.Op1}, crm: {access.CRm} {"}"}
                """);
    }

    /// <summary>
    /// The name a report shows for a trapped access: the catalogued name, else the architecture's, else a
    /// generic one (<c>S3_0_C15_C2_0</c>, <c>CP15_0_C15_C0_1</c>, <c>CP15_0_C15</c>); an instruction that accesses no
    /// register by its name (<c>WFI</c>, <c>SMC</c>).
    /// Null when the syndrome is no trap TrapGen understands.
    /// </summary>
    public static string? DisplayName(uint esr)
    {
        if (CatalogueIndex.NameOf(esr) is { } catalogued)
        {
            return catalogued;
        }

        if (!SyndromeKey.TryGet(esr, out var trapClass, out var key))
        {
            return TrapClasses.Find(EsrFields.GetEC(esr)) is { } instructionClass
                && TrappedInstructions.TryFind(instructionClass, instructionClass.KeyOf(EsrFields.GetISS(esr)), out var instruction) ? instruction.Name : null;
        }

        SyndromeDecoder.TryDecode(esr, out var access, out _);
        return RegistersByKey.NameOf(trapClass, key, access.IsRead) ?? GenericName(access);
    }

    /// <summary>
    /// A name-only catalogue entry, with the trap groups the architecture puts it in (any coarse control's: TVM, TDA, TCPAC;
    /// see <see cref="IsGroup"/>).
    /// </summary>
    private static string NameOnlyEntry(string name, IReadOnlyList<TrapRule> rules)
    {
        var groups = rules.Where(IsGroup).Select(r => r.Control.Name + ": " + RegisterAccessRules.Spelling(r.Direction)).ToList();
        var traps = groups.Count == 0 ? string.Empty : "\n    traps: { " + string.Join(", ", groups) + " }";
        return "  - name: " + name + "\n    handling: passthrough" + traps;
    }

    /// <summary>
    /// Whether a rule is one a suggested entry lists as a trap group: not a fine-grained field's (a catalogue keys a group on one
    /// only by its qualified name, which a hypervisor sets for a few registers, not for every one the field traps), nor
    /// HSTR_EL2.T&lt;n&gt;'s, which every cp15 register of its primary register has.
    /// </summary>
    private static bool IsGroup(TrapRule rule) => !rule.Control.IsFineGrained && rule.Control.Register != HstrEl2.Name;

    /// <summary>An instructions entry, forwarded to the hardware, with the trap groups the architecture puts it in.</summary>
    private static string InstructionEntry(string name, IReadOnlyList<TrapRule> rules)
    {
        var groups = rules.Where(IsGroup).Select(r => r.Control.Name + ": write").ToList();
        var traps = groups.Count == 0 ? string.Empty : "\n    traps: { " + string.Join(", ", groups) + " }";
        return "# registers.yaml, under instructions (or hook, ignore, undefined):\n  - name: " + name + "\n    handling: forward" + traps;
    }

    /// <summary>A name built from the encoding of a trapped access: the generic assembler name for MSR/MRS and MSRR/MRRS, <c>CP15_opc1_Cn_Cm_opc2</c> or <c>CP15_opc1_Cm</c> (<c>CP14_…</c>) for AArch32.</summary>
    private static string GenericName(in SystemRegisterAccess access) => access.Class.IsAarch64
        ? CatalogueIndex.RegisterNames.NameOf(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, access.IsRead).ToUpperInvariant()
        : new Aarch32Encoding(access.Class.Coprocessor, access.Class.Form ?? AccessForm.Mcr, (int)access.Op1, (int)access.CRn, (int)access.CRm, (int)access.Op2).GenericName;

    /// <summary>
    /// A system-register move as the seed logs it: <c>mrs 3, 0, c1, c0, 0 =&gt; x0</c>, <c>mrc p15, 0, r0, c1, c0, 0</c>,
    /// <c>mrrc p15, 0, r2, r3, c14</c>, with the ISS's raw Rt; null for what the seed did not log (cp14, VMRS, LDC/STC, SMC).
    /// </summary>
    private static string? SeedSyntax(in SystemRegisterAccess access) => access.Class.Coprocessor is not (0 or Cp15)
        ? null
        : access.Class.Form switch
        {
            AccessForm.Msr => Invariant($"{SeedMnemonic(access)} {access.Op0}, {access.Op1}, c{access.CRn}, c{access.CRm}, {access.Op2} {(access.IsRead ? "=>" : "<=")} x{access.Rt}"),
            AccessForm.Mcr => Invariant($"{(access.IsRead ? "mrc" : "mcr")} p15, {access.Op1}, r{access.Rt}, c{access.CRn}, c{access.CRm}, {access.Op2}"),
            AccessForm.Mcrr => Invariant($"{(access.IsRead ? "mrrc" : "mcrr")} p15, {access.Op1}, r{access.Rt}, r{access.Rt2}, c{access.CRm}"),
            _ => null,
        };

    /// <summary>The system control coprocessor, the only one the seed's log spells.</summary>
    private const int Cp15 = (int)Aarch32Constants.Cp15;

    /// <summary>The seed's mnemonic of an AArch64 trap: sys and sysl for a System instruction (op0 1), msr and mrs for a register.</summary>
    private static string SeedMnemonic(in SystemRegisterAccess access) => access.Op0 == 1 ? (access.IsRead ? "sysl" : "sys") : access.IsRead ? "mrs" : "msr";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Globalization;
using TrapGen.Catalogue.Model;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// Describes a trapped access in words: the seed's log line, and for an access no catalogue entry
/// handles, the registers.yaml entry that would, ready to paste.
/// </summary>
public static class TrapReport
{
    /// <summary>
    /// Formats the access as the seed logs it: <c>mrs 3, 0, c1, c0, 0 =&gt; x0 @ 0x…</c>,
    /// <c>mrc p15, 0, r0, c1, c0, 0 @ 0x…</c> or <c>mrrc p15, 0, r2, r3, c14 @ 0x…</c>.
    /// </summary>
    public static string LogLine(uint esr, ulong pc)
    {
        var iss = EsrFields.GetISS(esr);
        var at = " @ 0x" + pc.ToString("x16", CultureInfo.InvariantCulture);
        switch (EsrFields.GetEC(esr))
        {
            case SysRegIss.ExceptionClass:
                var sysreg = new SysRegSyndrome(iss);
                return Invariant($"{(sysreg.IsRead ? "mrs" : "msr")} {sysreg.Op0}, {sysreg.Op1}, c{sysreg.CRn}, c{sysreg.CRm}, {sysreg.Op2} {(sysreg.IsRead ? "=>" : "<=")} x{sysreg.Rt}{at}");
            case Cp32Iss.ExceptionClass:
                var cp32 = new Cp32Syndrome(iss);
                return Invariant($"{(cp32.IsRead ? "mrc" : "mcr")} p15, {cp32.Opc1}, r{cp32.Rt}, c{cp32.CRn}, c{cp32.CRm}, {cp32.Opc2}{at}");
            case Cp64Iss.ExceptionClass:
                var cp64 = new Cp64Syndrome(iss);
                return Invariant($"{(cp64.IsRead ? "mrrc" : "mcrr")} p15, {cp64.Opc1}, r{cp64.Rt}, r{cp64.Rt2}, c{cp64.CRm}{at}");
            default:
                return Invariant($"exception class 0x{EsrFields.GetEC(esr):x2}, ISS 0x{iss:x7}{at}");
        }
    }

    /// <summary>The registers.yaml entry that would handle the access, or null when the syndrome is not a system-register trap.</summary>
    public static string? CatalogueEntry(uint esr)
    {
        var iss = EsrFields.GetISS(esr);
        switch (EsrFields.GetEC(esr))
        {
            case SysRegIss.ExceptionClass:
                var s = new SysRegSyndrome(iss);
                return Invariant($"""
                    # registers.yaml, under registers:
                      - name: {Name(TrapClassKind.Aarch64, s.Key, esr)}
                        encoding: {"{"} op0: {s.Op0}, op1: {s.Op1}, crn: {s.CRn}, crm: {s.CRm}, op2: {s.Op2} {"}"}
                        width: 64
                        handling: passthrough
                    """);
            case Cp32Iss.ExceptionClass:
                var c = new Cp32Syndrome(iss);
                return Invariant($"""
                    # registers.yaml, under aarch32: of the AArch64 register it maps onto:
                          - name: {Name(TrapClassKind.Cp15Register32, c.Key, esr)}
                            mcr: {"{"} opc1: {c.Opc1}, crn: {c.CRn}, crm: {c.CRm}, opc2: {c.Opc2} {"}"}
                            view: lo   # or hi, zero-extend; whole onto a 32-bit register
                    """);
            case Cp64Iss.ExceptionClass:
                var d = new Cp64Syndrome(iss);
                return Invariant($"""
                    # registers.yaml, under aarch32: of the 64-bit AArch64 register it maps onto:
                          - name: {Name(TrapClassKind.Cp15Register64, d.Key, esr)}
                            mcrr: {"{"} opc1: {d.Opc1}, crm: {d.CRm} {"}"}
                    """);
            default:
                return null;
        }
    }

    /// <summary>
    /// The name a report shows for a trapped access: the catalogued name, else the one the architecture's
    /// trap lists give it, else a generic one (<c>S3_0_C15_C2_0</c>, <c>CP15_0_C1_C0_1</c>, <c>CP15_0_C2</c>).
    /// Null when the syndrome is not a system-register trap.
    /// </summary>
    public static string? DisplayName(uint esr)
    {
        if (CatalogueIndex.NameOf(esr) is { } catalogued)
        {
            return catalogued;
        }

        return SyndromeKey.TryGet(esr, out var kind, out var key) && ArchitecturalNames.TryFind(kind, key, out var architectural)
            ? architectural
            : GenericName(esr);
    }

    /// <summary>The architectural name when the architecture's trap lists know the register, else a generic name to replace.</summary>
    private static string Name(TrapClassKind kind, uint key, uint esr) =>
        ArchitecturalNames.TryFind(kind, key, out var name) ? name : GenericName(esr) + "   # give it its architectural name";

    /// <summary>A name built from the encoding: the generic assembler name for MSR/MRS, CP15_opc1_Cn_Cm_opc2 or CP15_opc1_Cm for cp15.</summary>
    private static string? GenericName(uint esr)
    {
        var iss = EsrFields.GetISS(esr);
        switch (EsrFields.GetEC(esr))
        {
            case SysRegIss.ExceptionClass:
                var s = new SysRegSyndrome(iss);
                return SystemRegisterNames.NameOf(s.Op0, s.Op1, s.CRn, s.CRm, s.Op2).ToUpperInvariant();
            case Cp32Iss.ExceptionClass:
                var c = new Cp32Syndrome(iss);
                return Invariant($"CP15_{c.Opc1}_C{c.CRn}_C{c.CRm}_{c.Opc2}");
            case Cp64Iss.ExceptionClass:
                var d = new Cp64Syndrome(iss);
                return Invariant($"CP15_{d.Opc1}_C{d.CRm}");
            default:
                return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

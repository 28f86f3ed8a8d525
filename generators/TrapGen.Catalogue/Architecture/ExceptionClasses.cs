using System.Collections.Generic;

namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// The exception classes ESR_EL2.EC reports, as the Arm Architecture Reference Manual (DDI 0487,
/// ESR_EL2) names them. Values not listed are unallocated.
/// </summary>
public static class ExceptionClasses
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x00] = "Unknown reason",
        [0x01] = "Trapped WFI, WFE, WFIT or WFET",
        [0x03] = "Trapped MCR or MRC access to cp15 (AArch32)",
        [0x04] = "Trapped MCRR or MRRC access to cp15 (AArch32)",
        [0x05] = "Trapped MCR or MRC access to cp14 (AArch32)",
        [0x06] = "Trapped LDC or STC access (AArch32)",
        [0x07] = "Access to SME, SVE, Advanced SIMD or floating point trapped by CPACR_EL1 or CPTR_EL2",
        [0x08] = "Trapped VMRS access to an ID register (AArch32)",
        [0x09] = "Trapped pointer authentication instruction",
        [0x0A] = "Trapped LD64B or ST64B* instruction",
        [0x0C] = "Trapped MRRC access to cp14 (AArch32)",
        [0x0D] = "Branch Target Exception",
        [0x0E] = "Illegal Execution state",
        [0x11] = "SVC instruction (AArch32)",
        [0x12] = "HVC instruction (AArch32)",
        [0x13] = "SMC instruction (AArch32)",
        [0x15] = "SVC instruction (AArch64)",
        [0x16] = "HVC instruction (AArch64)",
        [0x17] = "SMC instruction (AArch64)",
        [0x18] = "Trapped MSR, MRS or System instruction (AArch64)",
        [0x19] = "Access to SVE functionality",
        [0x1A] = "Trapped ERET, ERETAA or ERETAB",
        [0x1B] = "TSTART instruction",
        [0x1C] = "Pointer authentication failure",
        [0x1D] = "Access to SME functionality",
        [0x1E] = "Granule Protection Check exception",
        [0x1F] = "IMPLEMENTATION DEFINED exception to EL3",
        [0x20] = "Instruction Abort from a lower Exception level",
        [0x21] = "Instruction Abort without a change in Exception level",
        [0x22] = "PC alignment fault",
        [0x24] = "Data Abort from a lower Exception level",
        [0x25] = "Data Abort without a change in Exception level",
        [0x26] = "SP alignment fault",
        [0x27] = "Memory Copy or Memory Set exception",
        [0x28] = "Trapped floating-point exception (AArch32)",
        [0x2C] = "Trapped floating-point exception (AArch64)",
        [0x2D] = "Guarded Control Stack exception",
        [0x2F] = "SError exception",
        [0x30] = "Breakpoint from a lower Exception level",
        [0x31] = "Breakpoint without a change in Exception level",
        [0x32] = "Software Step from a lower Exception level",
        [0x33] = "Software Step without a change in Exception level",
        [0x34] = "Watchpoint from a lower Exception level",
        [0x35] = "Watchpoint without a change in Exception level",
        [0x38] = "BKPT instruction (AArch32)",
        [0x3A] = "Vector Catch (AArch32)",
        [0x3C] = "BRK instruction (AArch64)",
    };

    /// <summary>Gets the architectural name of exception class <paramref name="ec"/>, or "Unallocated exception class".</summary>
    public static string NameOf(int ec) => Names.TryGetValue(ec, out var name) ? name : "Unallocated exception class";

    /// <summary>Gets whether <paramref name="ec"/> is allocated by the architecture.</summary>
    public static bool IsAllocated(int ec) => Names.ContainsKey(ec);
}

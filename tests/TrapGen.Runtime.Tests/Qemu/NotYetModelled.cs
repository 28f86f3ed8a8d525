namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>What TrapGen's emulated CPU does not model yet, which QEMU's models decide before the access: named here so that the QEMU comparisons list it rather than count it.</summary>
internal static class NotYetModelled
{
    /// <summary>
    /// Why TrapGen decides an access to the register <paramref name="name"/> otherwise than QEMU, when the reason is a gap in
    /// TrapGen, or null: CPACR_EL1.ZEN and SMEN, which trap SVE's and SME's register accesses to EL1 (EC 0x19, 0x1D) on a
    /// model with SVE or SME (QEMU's max), before any EL2 control.
    /// </summary>
    public static string? Why(string name) =>
        name is "ZCR_EL1" or "SMCR_EL1" or "SVCR" ? "TrapGen does not model CPACR_EL1's SVE and SME traps to EL1" : null;
}

using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// The syndromes QEMU 7.2's cortex-a57 reported for debug-register traps, which the QEMU differential test
/// cannot reach yet: it sets HCR_EL2 alone, and MDCR_EL2's TDA, TDOSA and TDRA, which trap these, are not
/// TrapGen trap controls (the issue of every trap control adds them). A bare-metal probe at EL2 (Debian's
/// qemu-system-aarch64 1:7.2+dfsg-7+deb12u18, <c>-M virt,virtualization=on -cpu cortex-a57</c>) set each
/// bit, ran these at EL1 and logged ESR_EL2. TrapGen builds each syndrome from the binutils word and must
/// report the same value and find the same register, so the cp14 classes' layouts and keys are checked
/// against a real CPU model. QEMU never reports EC 0x0C or 0x06 for them: it leaves MRRC DBGDRAR untrapped
/// and does not decode LDC or STC (UNDEFINED).
/// </summary>
public sealed class QemuObservedDebugSyndromeTests
{
    [Theory]
    [InlineData("mrc p14, 0, r2, c0, c0, 4", 0x17e80041u, "DBGBVR0")] // TDA
    [InlineData("mrc p14, 0, r2, c0, c1, 0", 0x17e00043u, "DBGDSCRINT")] // TDA
    [InlineData("mrc p14, 0, r2, c0, c0, 0", 0x17e00041u, "DBGDIDR")] // TDA
    [InlineData("mrc p14, 0, r2, c0, c2, 2", 0x17e40045u, "DBGDSCREXT")] // TDA
    [InlineData("mrc p14, 0, r2, c1, c0, 0", 0x17e00441u, "DBGDRAR")] // TDRA
    [InlineData("mrc p14, 0, r2, c1, c1, 4", 0x17e80443u, "DBGOSLSR")] // TDOSA
    [InlineData("mcr p14, 0, r2, c1, c0, 4", 0x17e80440u, "DBGOSLAR")] // TDOSA
    public void An_aarch32_debug_access_reports_what_qemu_reported(string instruction, uint qemuEsr, string name)
    {
        Assert.True(InstructionDecoder.TryDecode(GuestCode.A32(instruction)[0], InstructionSet.A32, out var access));

        var esr = SyndromeBuilder.Build(access);

        Assert.Equal(qemuEsr, esr);
        Assert.Same(TrapClasses.Cp14Mcr, access.Class);
        Assert.Equal(name, RegistersByKey.NameOf(access.Class, access.Class.KeyOf(EsrFields.GetISS(esr)), access.IsRead));
    }

    [Theory]
    [InlineData("mrs x2, dbgbvr0_el1", 0x62280041u, "DBGBVR0_EL1")] // TDA
    [InlineData("mrs x2, mdscr_el1", 0x62240045u, "MDSCR_EL1")] // TDA
    [InlineData("mrs x2, oslsr_el1", 0x62280443u, "OSLSR_EL1")] // TDOSA
    [InlineData("mrs x2, mdrar_el1", 0x62200441u, "MDRAR_EL1")] // TDRA
    public void An_aarch64_debug_access_reports_what_qemu_reported(string instruction, uint qemuEsr, string name)
    {
        Assert.True(InstructionDecoder.TryDecode(GuestCode.A64(instruction)[0], InstructionSet.A64, out var access));

        var esr = SyndromeBuilder.Build(access);

        Assert.Equal(qemuEsr, esr);
        Assert.Equal(name, RegistersByKey.NameOf(TrapClasses.Msr, access.Key, access.IsRead));
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// The shipped catalogue's hardware values are the CPU model's: the <c>reset:</c> value registers.yaml
/// gives each <c>sanitised</c> ID register, and the CCSIDR_EL1 the emulated cache hierarchy reports for
/// CSSELR_EL1 = 0, 1 and 2, must be what QEMU's cortex-a57 returns to an EL1 read under no HCR_EL2 trap
/// control (the probe's first run, <see cref="QemuProbe"/>), but for the EL3 fields QEMU's virt board
/// clears (<see cref="NoEl3OnQemuVirt"/>).
/// </summary>
public sealed class QemuHardwareValuesTests(ITestOutputHelper output)
{
    /// <summary>
    /// The fields where registers.yaml keeps a real Cortex-A57's value and QEMU's differs. The probe runs
    /// on <c>-M virt</c> without <c>secure=on</c>, so QEMU's CPU has no EL3 (has_el3 false), and
    /// arm_cpu_realizefn (target/arm/cpu.c) then clears ID_AA64PFR0_EL1.EL3, ID_PFR1_EL1.Security and
    /// ID_DFR0_EL1.CopSDbg from the values aarch64_a57_initfn (target/arm/cpu64.c) gives its cortex-a57:
    /// 0x2222, 0x00011011 and 0x03010066, which are the Cortex-A57's (its TRM: EL3 in AArch64 and AArch32,
    /// the Security Extensions, Armv8 secure debug). The hardware TrapGen emulates has its EL3: an
    /// untrapped SMC goes to the firmware there (TSC, the one rule <see cref="ArchitecturalTraps"/> gives the SMC classes).
    /// Only these fields may differ.
    /// </summary>
    private static readonly Dictionary<string, string> NoEl3OnQemuVirt = new()
    {
        ["ID_AA64PFR0_EL1"] = "EL3",
        ["ID_PFR1_EL1"] = "Security",
        ["ID_DFR0_EL1"] = "CopSDbg",
    };

    [Fact]
    public void Every_sanitised_registers_reset_value_is_what_qemus_cortex_a57_reads()
    {
        var probe = QemuProbe.Aarch64;
        var sanitised = SystemRegisters.All.Where(r => r.Handling == RegisterHandling.Sanitised).ToList();
        Assert.NotEmpty(sanitised);

        var differences = new List<string>();
        foreach (var register in sanitised)
        {
            var (_, _, qemu) = probe.Record(0, probe.Slot(register.Name + " read"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{register.Name,-18} QEMU 0x{qemu:x16}  registers.yaml 0x{register.ResetValue:x16}"));
            var expected = NoEl3OnQemuVirt.TryGetValue(register.Name, out var field) ? register.ResetValue & ~RegisterFields.Find(register.Name, field)!.Mask : register.ResetValue;
            if (qemu != expected)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{register.Name}: QEMU 0x{qemu:x}, registers.yaml reset 0x{register.ResetValue:x}, expected on QEMU 0x{expected:x}"));
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void The_emulated_cache_hierarchy_reports_qemus_ccsidr_for_each_cache()
    {
        var probe = QemuProbe.Aarch64;
        var domain = Machine.Aarch64();
        domain.Hypervisor.Hcr.Value |= TrapControls.TID2.Mask;
        var registers = domain.Current.Registers;
        var csselr = probe.Words[probe.Slot("CSSELR_EL1 = 0 write")];
        var ccsidr = probe.Words[probe.Slot(ProbeInstructions.CacheSizeIdRead(0))];

        var rows = new List<(int Csselr, ulong Qemu, ulong TrapGen)>();
        foreach (var selection in ProbeInstructions.CacheSelections)
        {
            var (_, _, qemu) = probe.Record(0, probe.Slot(ProbeInstructions.CacheSizeIdRead(selection)));
            registers.WriteX(1, (ulong)selection);
            Assert.Equal(ExecutionKind.Trapped, domain.Cpu.Execute(csselr).Kind);
            Assert.Equal(ExecutionKind.Trapped, domain.Cpu.Execute(ccsidr).Kind);
            rows.Add((selection, qemu, registers.ReadX(1)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSSELR_EL1 {selection}: CCSIDR_EL1 QEMU 0x{qemu:x8}, TrapGen 0x{registers.ReadX(1):x8}"));
        }

        Assert.All(rows, row => Assert.Equal((row.Csselr, row.Qemu), (row.Csselr, row.TrapGen)));
    }
}

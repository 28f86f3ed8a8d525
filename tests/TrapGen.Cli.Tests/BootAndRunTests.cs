using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary><c>trapgen boot</c> and <c>trapgen run</c>, through the CLI's entry point.</summary>
public sealed class BootAndRunTests
{
    [Fact]
    public void Boot_replays_the_example_traces()
    {
        var (exitCode, output, error) = Cli.Run("boot");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Cli.MatchSnapshot(nameof(BootAndRunTests), nameof(Boot_replays_the_example_traces), output);
        Assert.Contains("vCPU 0 (AArch64): 6 trap(s) before its MMU was enabled, 1 after", output, System.StringComparison.Ordinal);
        Assert.Contains("vCPU 0 (AArch32): 8 trap(s) before its MMU was enabled, 1 after", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per control: HCR_EL2.TID0 2, HCR_EL2.TID3 3, MDCR_EL2.TDRA 3, MDCR_EL2.TDA 7", output, System.StringComparison.Ordinal);
        Assert.Contains("DBGBXVR0           (not implemented on this CPU model)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Boot_replays_the_real_guests_recordings_with_no_difference()
    {
        var (exitCode, output, _) = Cli.Run("boot");

        Assert.Equal(0, exitCode);
        var recordings = output[output.IndexOf("Real guests recorded", System.StringComparison.Ordinal)..];
        Assert.Equal(8, recordings.Split('\n').Count(l => l.Contains(".rec: A", System.StringComparison.Ordinal)));
        Assert.Equal(8, recordings.Split('\n').Count(l => l == "  0 difference(s)"));
        Assert.Contains("linux.kvm-like.rec: AArch64 guest, 77462 trap(s) replayed", recordings, System.StringComparison.Ordinal);
        Assert.Contains("  traps per control: HCR_EL2.TID2 77379, HCR_EL2.TVM 6, HCR_EL2.TID3 68, HCR_EL2.TSC 6, HCR_EL2.TID1 3\n", recordings, System.StringComparison.Ordinal);
        Assert.Contains("u-boot-aarch32.kvm-like.rec: AArch32 guest, 33327 trap(s) replayed", recordings, System.StringComparison.Ordinal);
        Assert.Contains("  traps with the guest's MMU off: 33295, on: 32\n", recordings, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-mmu-enable-aarch64.trace")]
    [InlineData("linux-mmu-enable-aarch32.trace")]
    [InlineData("kvm-like-boot-aarch64.trace")]
    [InlineData("kvm-like-pmu-and-debug-aarch64.trace")]
    [InlineData("aarch32-debug-and-id.trace")]
    [InlineData("kvm-like-fine-grained-undef-aarch64.trace")]
    public void Run_of_a_shipped_trace_prints_what_boot_prints_for_it(string trace)
    {
        var (exitCode, output, _) = Cli.Run("run", Path.Combine(Cli.RepositoryRoot, "examples", "traces", trace));

        Assert.Equal(0, exitCode);
        Assert.Contains(output.TrimEnd(), Cli.Run("boot").Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Run_switches_vcpus_and_reports_unknown_accesses_with_a_catalogue_entry()
    {
        var path = Cli.Temp("""
            guest aarch64
            guest aarch32
            msr sctlr_el1, x0 = 1       # vCPU 0 enables its MMU
            vcpu 1
            mcr p15, 0, r0, c2, c0, 2 = 0x80   # TTBCR traps: vCPU 1's MMU is off
            flags z
            mcrne p15, 0, r0, c1, c0, 0 = 1    # condition fails: skipped
            mrc p15, 0, r3, c1, c0, 1          # ACTLR: not catalogued, not trapped
            vcpu 0
            msr ttbr0_el1, x1 = 0x1000         # no trap: vCPU 0's MMU is on
            msr s3_3_c14_c2_3, x2 = 5          # not a register the CPU traps
            """);

        RunMatchingSnapshot(path);
    }

    [Fact]
    public void A_register_the_cpu_model_lacks_is_undefined_before_any_trap()
    {
        const string Trace = """
            guest aarch32
            mcr p15, 0, r0, c2, c0, 3 = 0x80   # TTBCR2: FEAT_AA32HPD
            mrc p15, 0, r0, c1, c0, 3          # ACTLR2
            mrc p15, 1, r0, c0, c0, 2          # CCSIDR2: FEAT_CCIDX
            """;
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp(Trace));

        Assert.Equal(0, exitCode);
        Assert.Contains("1 vCPU(s) on cortex-a57;", output, System.StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(output, @"UNDEF@EL1  (TTBCR2|ACTLR2|CCSIDR2) +\(not implemented on this CPU model\)"));
        Assert.Contains("3 UNDEF(s) injected", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Max_has_ttbcr2_and_actlr2_and_like_qemu_7_2s_max_no_ccsidr2()
    {
        const string Trace = """
            guest aarch32 cpu max
            mcr p15, 0, r0, c2, c0, 3 = 0x80   # TTBCR2: FEAT_AA32HPD
            mrc p15, 0, r0, c1, c0, 3          # ACTLR2: ID_MMFR4.AC2
            mrc p15, 1, r0, c0, c0, 2          # CCSIDR2: QEMU 7.2's max has no FEAT_CCIDX
            """;
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp(Trace));

        Assert.Equal(0, exitCode);
        Assert.Contains("1 vCPU(s) on max;", output, System.StringComparison.Ordinal);
        Assert.Matches(@"mcr p15, 0, r0, c2, c0, 3 +trap +TTBCR2", output);
        Assert.Matches(@"mrc p15, 0, r0, c1, c0, 3 +direct +ACTLR2", output);
        Assert.Matches(@"mrc p15, 1, r0, c0, c0, 2 +UNDEF@EL1 +CCSIDR2", output);
    }

    [Fact]
    public void A_later_trap_control_traps_on_a_model_with_its_feature_and_is_res0_on_one_without()
    {
        const string Trace = """
            guest aarch64 cpu max
            mrs x1, apiakeylo_el1              # HCR_EL2.APK clear: the keys trap
            hcr +APK +TLOR +TID4
            mrs x1, apiakeylo_el1              # APK set: the guest owns its keys
            mrs x2, lorid_el1                  # TLOR: the shipped catalogue hides LORegions (its fine-grained groups' others)
            mrs x3, csselr_el1                 # TID4: max has no FEAT_EVT, so RES0
            cptr +TCPAC
            msr cpacr_el1, x4                  # CPTR_EL2.TCPAC
            cnthctl +EL1PCTEN +EL1TVCT
            mrs x5, cntpct_el0                 # EL1PCTEN set: the physical counter no longer traps
            mrs x6, cntvct_el0                 # EL1TVCT: FEAT_ECV, which QEMU 7.2's max lacks: RES0
            """;
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp(Trace));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"00000000  mrs x1, apiakeylo_el1 +unhandled +APIAKEYLO_EL1 +\(HCR_EL2\.APK clear\)", output);
        Assert.Contains("HCR_EL2: DC set; trap controls set: TVM, TLOR, TID4 (RES0 on max, which lacks FEAT_EVT); trapping while clear: API, FIEN, EnSCXT", output, System.StringComparison.Ordinal);
        Assert.Matches(@"00000004  mrs x1, apiakeylo_el1 +direct", output);
        Assert.Matches(@"00000008  mrs x2, lorid_el1 +trap:UNDEF +LORID_EL1", output);
        Assert.Matches(@"0000000c  mrs x3, csselr_el1 +direct", output);
        Assert.Contains("CPTR_EL2: trap controls set: TCPAC", output, System.StringComparison.Ordinal);
        Assert.Matches(@"00000010  msr cpacr_el1, x4 +unhandled +CPACR_EL1 +\(CPTR_EL2\.TCPAC set\)", output);
        Assert.Contains("CNTHCTL_EL2: trap controls set: EL1TVCT (RES0 on max, which lacks FEAT_ECV); trapping while clear: EL1PCEN", output, System.StringComparison.Ordinal);
        Assert.Matches(@"00000014  mrs x5, cntpct_el0 +direct", output);
        Assert.Matches(@"00000018  mrs x6, cntvct_el0 +direct", output);
        Assert.Contains("traps per control: HCR_EL2.APK 1, HCR_EL2.TLOR 1, CPTR_EL2.TCPAC 1", output, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// ERET under HCR_EL2.NV and HFGITR_EL2.ERET, SVC under HFGITR_EL2.SVC_EL1 (apple-m3 has FEAT_NV, FEAT_FGT and FEAT_PAuth),
    /// and their untrapped behaviour: SVC to the guest's EL1, ERET to ELR_EL1 with SPSR_EL1's flags; a return to EL0 stops the
    /// trace with an error naming the line.
    /// </summary>
    [Fact]
    public void Eret_and_svc_trap_under_their_controls_and_an_untrapped_return_to_el1_moves_the_pc()
    {
        const string Trace = """
            guest aarch64 cpu apple-m3
            hcr +NV
            eret                               # HCR_EL2.NV: EC 0x1A
            hcr -NV
            hfgitr +ERET +SVC_EL1
            eretab                             # HFGITR_EL2.ERET
            svc #0x42                          # HFGITR_EL2.SVC_EL1: EC 0x15
            hfgitr -ERET -SVC_EL1
            svc #7                             # the guest's own Supervisor Call
            msr elr_el1, x0 = 0x8000
            msr spsr_el1, x1 = 0x60000005      # EL1h, Z and C
            eret
            msr spsr_el1, x1 = 0x0             # EL0t
            eret
            """;
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp(Trace));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"00000000  eret +trap +ERET +no guest hypervisor .*\(HCR_EL2\.NV set\)", output);
        Assert.Matches(@"00000004  eretab +trap +ERETAB +.*\(HFGITR_EL2\.ERET set\)", output);
        Assert.Matches(@"00000008  svc #0x42 +trap +SVC +the guest's own Supervisor Call, given back to its EL1 \(HFGITR_EL2\.SVC_EL1 set\)", output);
        Assert.Matches(@"0000000c  svc #0x7 +trap@EL1 +SVC", output);
        Assert.Matches(@"00000018  eret +direct +ERET", output);
        Assert.Matches(@"00008000  msr spsr_el1, x1 +direct", output);
        Assert.Contains("(14): this exception return did not trap, and where it goes is not modelled", error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guest aarch64 cpu neoverse-n3", "unknown CPU model 'neoverse-n3'; did you mean neoverse-n1 or neoverse-n2?")]
    [InlineData("guest aarch64 cpu", "expected 'guest aarch64', 'guest aarch32' or 'guest aarch32 thumb', optionally followed by 'cpu <model>'")]
    public void A_bad_cpu_model_is_one_error_line(string line, string message)
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp(line + "\n"));

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_trap_the_catalogue_does_not_handle_is_logged_with_the_entry_to_paste()
    {
        var path = Cli.Temp("""
            guest aarch32
            hcr +TTLB                          # trap TLB maintenance
            mcr p15, 0, r0, c8, c7, 0          # TLBIALL: trapped by the architecture, not in the catalogue
            mcr p15, 0, r1, c13, c0, 1 = 9     # the guest goes on after its UNDEF
            """);

        RunMatchingSnapshot(path);
    }

    [Fact]
    public void A_system_instruction_traps_under_its_control_and_runs_directly_without_it()
    {
        var path = Cli.Temp("""
            guest aarch64
            hcr +TTLB
            sys #0, c8, c7, #0   # tlbi vmalle1: '#0' is an immediate, '# tlbi' a comment
            hcr -TTLB
            sys #0, c8, c7, #0
            """);

        var (exitCode, output, _) = Cli.Run("run", path);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"00000000  tlbi vmalle1\s+unhandled\s+TLBI VMALLE1", output);
        Assert.Contains("# registers.yaml, under instructions (or hook, ignore, undefined):\n        - name: TLBI VMALLE1\n          handling: forward\n          traps: { TTLB: write }", output.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
        Assert.Matches(@"00000004  tlbi vmalle1\s+direct\s+TLBI VMALLE1", output);
    }

    [Fact]
    public void One_hcr_line_sets_and_clears_several_controls_and_prints_what_is_set()
    {
        var path = Cli.Temp("""
            guest aarch64
            hcr -DC -TVM +TID3 +TSW
            mrs x0, id_aa64pfr0_el1
            msr mair_el1, x1 = 5
            """);

        var (exitCode, output, _) = Cli.Run("run", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("HCR_EL2: DC clear; trap controls set: TID3, TSW\n", output.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
        Assert.Matches(@"00000000  mrs x0, id_aa64pfr0_el1\s+trap\s+ID_AA64PFR0_EL1", output);
        Assert.Matches(@"00000004  msr mair_el1, x1\s+direct", output);
    }

    [Fact]
    public void Vmrs_cp14_and_smc_traps_are_named_handled_and_logged_as_their_instructions()
    {
        var path = Cli.Temp("""
            guest aarch32
            hcr +TID0 +TSC
            vmrs r0, fpsid
            smc #0
            mrc p14, 7, r0, c0, c0, 0
            """);

        var (exitCode, output, _) = Cli.Run("run", path);

        Assert.Equal(0, exitCode);
        // registers.yaml answers FPSID and JIDR as constants: a Cortex-A57's FPSID, and no Jazelle.
        Assert.Matches(@"00000000  vmrs r0, fpsid\s+trap\s+FPSID\s+=> 0x41034070\n", output.ReplaceLineEndings("\n"));
        Assert.Matches(@"00000004  a32 smc #0\s+trap\s+SMC\s+no SMC service: NOT_SUPPORTED", output);
        Assert.Matches(@"00000008  mrc p14, 7, r0, c0, c0, 0\s+trap\s+JIDR\s+=> 0x00000000\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("unknown accesses: none", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per control: HCR_EL2.TID0 2, HCR_EL2.TSC 1", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_crash_policy_stops_the_trace_at_the_unhandled_trap()
    {
        var path = Cli.Temp("""
            guest aarch64
            hcr +TTLB
            sys #0, c8, c7, #0
            msr contextidr_el1, x1 = 2
            """);

        var (exitCode, output, _) = Cli.Run("run", path, "--unhandled", "CrashDomain");

        Assert.Equal(0, exitCode);
        Assert.Contains("crash", output, System.StringComparison.Ordinal);
        Assert.Contains("the domain was crashed; the trace stops here", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("contextidr_el1", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_goes_to_standard_error_and_leaves_the_output_unchanged()
    {
        var lines = Enumerable.Range(0, 40).Select(i => "msr contextidr_el1, x1 = " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = Cli.Temp("guest aarch64\n" + string.Join("\n", lines) + "\n");

        var (quietExit, quiet, quietError) = Cli.Run("run", path, "--progress", "Never");
        var (exitCode, output, error) = Cli.Run("run", path, "--progress", "Always");

        Assert.Equal(0, quietExit);
        Assert.Equal(0, exitCode);
        Assert.Equal(quiet, output);
        Assert.Empty(quietError);
        var reports = error.TrimEnd().Split('\n');
        Assert.Equal("trapgen: 40 steps, all of the trace", reports[^1]);
        Assert.InRange(reports.Length, 1, 21);
    }

    private static void RunMatchingSnapshot(string tracePath, [CallerMemberName] string test = "")
    {
        var (exitCode, output, error) = Cli.Run("run", tracePath);

        Assert.True(exitCode == 0, error);
        Cli.MatchSnapshot(nameof(BootAndRunTests), test, output);
    }
}

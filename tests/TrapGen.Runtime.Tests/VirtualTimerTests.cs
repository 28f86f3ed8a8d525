using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The emulated physical timer, reached through real trapped instructions (CNTHCTL_EL2 traps them).</summary>
public sealed class VirtualTimerTests
{
    [Fact]
    public void Cntpct_reads_the_count_and_cannot_be_written()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Current.Timer.Count = 0x1_0000_0005;

        var result = domain.Cpu.Execute(GuestCode.A64("mrs x3, cntpct_el0")[0]);

        Assert.Equal(TrapOutcome.Handled, result.Outcome);
        Assert.Equal(0x1_0000_0005UL, domain.Current.Registers.ReadX(3));
    }

    [Fact]
    public void Tval_writes_set_the_compare_value_relative_to_the_count_and_istatus_follows()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        var timer = domain.Current.Timer;
        var x = domain.Current.Registers;
        var code = GuestCode.A64("msr cntp_tval_el0, x0", "msr cntp_ctl_el0, x1", "mrs x2, cntp_ctl_el0", "mrs x3, cntp_tval_el0", "mrs x4, cntp_cval_el0");
        timer.Count = 1000;
        x.WriteX(0, 0xFFFF_FFFF_0000_0064); // TVAL is bits [31:0], signed: +100
        x.WriteX(1, 0b111);                   // ENABLE, IMASK, and ISTATUS (read-only, ignored)

        foreach (var word in code)
        {
            Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome);
        }

        Assert.Equal(1100UL, timer.CompareValue);
        Assert.Equal(0b011UL, x.ReadX(2));
        Assert.Equal(100UL, x.ReadX(3));
        Assert.Equal(1100UL, x.ReadX(4));

        timer.Advance(150);
        domain.Cpu.Execute(code[2]);
        domain.Cpu.Execute(code[3]);
        Assert.Equal(0b111UL, x.ReadX(2));
        Assert.Equal(0xFFFF_FFCEUL, x.ReadX(3)); // -50, as the 32-bit TimerValue
    }

    [Fact]
    public void Aarch32_timer_registers_reach_the_same_timer()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        var timer = domain.Current.Timer;
        var r = domain.Current.Registers;
        timer.Count = 0x0000_0002_0000_0010;
        r.WriteR(0, 0x20);
        r.WriteR(1, 0x1);
        r.WriteR(2, 0x0000_0030);
        r.WriteR(3, 0x0000_0002);
        var code = GuestCode.A32("mcr p15, 0, r0, c14, c2, 0", "mcr p15, 0, r1, c14, c2, 1", "mrrc p15, 0, r4, r5, c14", "mcrr p15, 2, r2, r3, c14", "mrrc p15, 2, r6, r7, c14");

        foreach (var word in code)
        {
            Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome);
        }

        Assert.True(timer.IsEnabled);
        Assert.Equal(0x10U, r.ReadR(4));
        Assert.Equal(0x2U, r.ReadR(5));
        Assert.Equal(0x0000_0002_0000_0030UL, timer.CompareValue);
        Assert.Equal(0x30U, r.ReadR(6));
        Assert.Equal(0x2U, r.ReadR(7));
    }
}

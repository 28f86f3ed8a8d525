using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// LD64B, ST64B, ST64BV and ST64BV0 in a trace: GNU as's syntax, UNDEFINED at EL1 on a model without FEAT_LS64 (max,
/// QEMU 7.2's, has none), an Rt their Decode refuses refused as GNU as refuses it, and decode naming the control of EC
/// 0x0A's syndrome (LD64B or ST64B: 0x0A &lt;&lt; 26 | 1 &lt;&lt; 25 | ISS 2 = 0x2A000002).
/// </summary>
public sealed class SingleCopyAtomic64TraceTests
{
    [Fact]
    public void On_max_each_is_undefined_at_el1()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu max\nhcrx +EnALS\nld64b x0, [x1]\nst64b x0, [sp]\nst64bv x2, x0, [x1, #0]\nst64bv0 xzr, x4, [x3]\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("00000000  ld64b x0, [x1]                 UNDEF@EL1  LD64B              (not implemented on this CPU model)", output, System.StringComparison.Ordinal);
        Assert.Contains("st64b x0, [sp]", output, System.StringComparison.Ordinal);
        Assert.Contains("st64bv x2, x0, [x1]", output, System.StringComparison.Ordinal);
        Assert.Contains("0000000c  st64bv0 xzr, x4, [x3]          UNDEF@EL1  ST64BV0", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_odd_rt_is_refused()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu max\nld64b x1, [x2]\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'x1' cannot start the eight registers of ld64b", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_the_instruction_and_its_control()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0x2A000002");

        Assert.Equal(0, exitCode);
        Assert.Contains("LD64B or ST64B trapped (HCRX_EL2.EnALS is 0).", output, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   HCRX_EL2.EnALS (clear)", output, System.StringComparison.Ordinal);
    }
}

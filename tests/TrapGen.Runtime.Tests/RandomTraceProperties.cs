using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// Random multi-vCPU traces (context switches, MMU enables and disables, timer use, catalogued and
/// uncatalogued registers) checked against a model after every step: each vCPU reads back only what it
/// wrote, the virtual-memory controls trap exactly while HCR_EL2.TVM is set (set at a switch to a vCPU
/// whose MMU is off, cleared when a trapped SCTLR write enables it), and the physical counter is the
/// running vCPU's own.
/// </summary>
public sealed class RandomTraceProperties
{
    private static readonly string[] Aarch64Registers = ["sctlr_el1", "ttbr0_el1", "tcr_el1", "far_el1", "mair_el1", "contextidr_el1", "vbar_el1", "tpidr_el1"];

    private static readonly HashSet<string> VirtualMemoryControls = ["sctlr_el1", "ttbr0_el1", "tcr_el1", "far_el1", "mair_el1", "contextidr_el1", "SCTLR", "TTBR0", "DFAR", "IFAR", "CONTEXTIDR"];

    /// <summary>AArch32 registers: name, write text, read text, whether MCRR (64-bit).</summary>
    private static readonly (string Name, string Write, string Read, bool Pair)[] Aarch32Registers =
    [
        ("SCTLR", "mcr p15, 0, r0, c1, c0, 0", "mrc p15, 0, r0, c1, c0, 0", false),
        ("TTBR0", "mcrr p15, 0, r0, r1, c2", "mrrc p15, 0, r0, r1, c2", true),
        ("DFAR", "mcr p15, 0, r0, c6, c0, 0", "mrc p15, 0, r0, c6, c0, 0", false),
        ("IFAR", "mcr p15, 0, r0, c6, c0, 2", "mrc p15, 0, r0, c6, c0, 2", false),
        ("CONTEXTIDR", "mcr p15, 0, r0, c13, c0, 1", "mrc p15, 0, r0, c13, c0, 1", false),
        ("TPIDRPRW", "mcr p15, 0, r0, c13, c0, 4", "mrc p15, 0, r0, c13, c0, 4", false),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_vcpu_sees_only_its_own_state_and_the_controls_trap_exactly_while_tvm_is_set(int seed)
    {
        var random = new Random(seed);
        var states = new[] { ExecutionState.Aarch64, ExecutionState.Aarch32, ExecutionState.Aarch64 };
        var domain = new Domain(states);
        domain.Build();
        var model = states.Select(_ => new Dictionary<string, ulong> { ["sctlr_el1"] = SctlrReset, ["SCTLR"] = SctlrReset }).ToArray();
        var counters = new ulong[states.Length];
        var mmuOn = new bool[states.Length];
        var tvm = true;
        var otherHcrBits = Outside(domain.Hypervisor.Hcr.Value);

        for (var step = 0; step < 3000; step++)
        {
            var id = domain.Current.Id;
            var aarch64 = states[id] == ExecutionState.Aarch64;
            switch (random.Next(10))
            {
                case 0:
                    var next = random.Next(states.Length);
                    domain.SwitchTo(next);
                    tvm = !mmuOn[next];
                    Assert.Equal(tvm, domain.Hypervisor.Hcr.TrapVirtualMemoryWrites);
                    break;
                case 1:
                    var ticks = (ulong)random.Next(1, 100_000);
                    domain.Current.Timer.Advance(ticks);
                    counters[id] += ticks;
                    Assert.Equal(counters[id], Counter(domain, aarch64));
                    break;
                case < 6:
                    var (name, written, isSctlr) = aarch64 ? WriteAarch64(domain, random) : WriteAarch32(domain, random);
                    var result = written;
                    Assert.Equal(tvm && VirtualMemoryControls.Contains(name), result.Kind == ExecutionKind.Trapped);
                    model[id][name] = Kept(domain, name, aarch64);
                    if (isSctlr)
                    {
                        var enables = (LastValue & 1) != 0;
                        if (result.Kind == ExecutionKind.Trapped && enables)
                        {
                            tvm = false;
                        }

                        mmuOn[id] = enables;
                    }

                    break;
                default:
                    if (aarch64)
                    {
                        var register = Aarch64Registers[random.Next(Aarch64Registers.Length)];
                        Assert.Equal(ExecutionKind.Direct, Run(domain, "mrs x2, " + register, false).Kind);
                        Assert.Equal(model[id].GetValueOrDefault(register), domain.Current.Registers.ReadX(2));
                    }
                    else
                    {
                        var (register, _, read, pair) = Aarch32Registers[random.Next(Aarch32Registers.Length)];
                        Assert.Equal(ExecutionKind.Direct, Run(domain, read, false).Kind);
                        var value = pair ? ((ulong)domain.Current.Registers.ReadR(1) << 32) | domain.Current.Registers.ReadR(0) : domain.Current.Registers.ReadR(0);
                        Assert.Equal(model[id].GetValueOrDefault(register), value);
                    }

                    break;
            }

            Assert.Equal(otherHcrBits, Outside(domain.Hypervisor.Hcr.Value));
            Assert.Equal(tvm, domain.Hypervisor.Hcr.TrapVirtualMemoryWrites);
        }
    }

    /// <summary>SCTLR_EL1's reset value, as registers.yaml gives it (read from the runtime built from it, so that an edit of the catalogue keeps this test right); SCTLR is its low half.</summary>
    private static readonly ulong SctlrReset = SystemRegisters.Get(SystemRegister.SCTLR_EL1).ResetValue;

    private static ulong LastValue { get; set; }

    /// <summary>What <see cref="LastValue"/>, written to <paramref name="name"/>, reads back as on the domain's CPU model: an AArch32 form reads its view of its AArch64 register's mask.</summary>
    private static ulong Kept(Domain domain, string name, bool aarch64)
    {
        var model = domain.Hypervisor.Model;
        if (aarch64)
        {
            return model.Keep(name.ToUpperInvariant(), LastValue);
        }

        var pair = Aarch32Registers.Single(r => r.Name == name).Pair;
        var row = Architecture.Aarch32Registers.Named(name).Single(r => (r.Encoding.Form == AccessForm.Mcrr) == pair);
        return model.WriteMaskOf(row.MapsTo!).KeepView(row.View, LastValue);
    }

    private static (string Name, ExecutionResult Result, bool IsSctlr) WriteAarch64(Domain domain, Random random)
    {
        var register = Aarch64Registers[random.Next(Aarch64Registers.Length)];
        LastValue = register == "sctlr_el1" ? (ulong)random.Next(2) : (ulong)random.NextInt64();
        domain.Current.Registers.WriteX(1, LastValue);
        return (register, Run(domain, "msr " + register + ", x1", false), register == "sctlr_el1");
    }

    private static (string Name, ExecutionResult Result, bool IsSctlr) WriteAarch32(Domain domain, Random random)
    {
        var (register, write, _, pair) = Aarch32Registers[random.Next(Aarch32Registers.Length)];
        LastValue = register == "SCTLR" ? (ulong)random.Next(2) : pair ? (ulong)random.NextInt64() : (uint)random.Next();
        domain.Current.Registers.WriteR(0, (uint)LastValue);
        domain.Current.Registers.WriteR(1, (uint)(LastValue >> 32));
        return (register, Run(domain, write, false), register == "SCTLR");
    }

    /// <summary>The running vCPU's physical count, read as the guest reads it (trapped to the virtual timer).</summary>
    private static ulong Counter(Domain domain, bool aarch64)
    {
        if (aarch64)
        {
            Assert.Equal(ExecutionKind.Trapped, Run(domain, "mrs x5, cntpct_el0", false).Kind);
            return domain.Current.Registers.ReadX(5);
        }

        Assert.Equal(ExecutionKind.Trapped, Run(domain, "mrrc p15, 0, r5, r6, c14", false).Kind);
        return ((ulong)domain.Current.Registers.ReadR(6) << 32) | domain.Current.Registers.ReadR(5);
    }

    private static ExecutionResult Run(Domain domain, string instruction, bool thumb)
    {
        Assert.True(SystemInstructionSyntax.TryParse(instruction, thumb, out var access, out var error), error);
        return domain.Cpu.Execute(InstructionEncoder.Encode(access), thumb);
    }

    /// <summary>HCR_EL2 but DC and TVM, which the hypervisor's policy moves, and RW, which follows the running vCPU.</summary>
    private static ulong Outside(ulong hcr) =>
        hcr & ~((1UL << TrapGen.Architecture.HcrEl2.DC) | TrapGen.Architecture.TrapControls.TVM.Mask | (1UL << TrapGen.Architecture.HcrEl2.RW));
}

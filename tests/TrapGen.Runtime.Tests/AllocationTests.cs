using System;
using TrapGen.Instructions;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>One trap (decode, dispatch, passthrough masked by the CPU model, PC advance) allocates nothing. Bytes, not time: speed is for the benchmarks.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Handled_traps_of_every_class_allocate_nothing()
    {
        var a64 = Machine.Aarch64();
        var a32 = Machine.Aarch32();
        var a64Words = GuestCode.A64("msr ttbr0_el1, x1", "msr sctlr_el1, x1");
        var sysreg = Esr(a64Words[0], InstructionSet.A64);
        var sctlr = Esr(a64Words[1], InstructionSet.A64); // masked by the CPU model, then the UpdateSctlr hook
        var words = GuestCode.A32("mcr p15, 0, r1, c6, c0, 2", "mrrc p15, 0, r2, r3, c2", "mcrne p15, 0, r1, c1, c0, 0");
        var cp32 = Esr(words[0], InstructionSet.A32);
        var cp64 = Esr(words[1], InstructionSet.A32);
        var failedCondition = Esr(words[2], InstructionSet.A32);
        var smc64 = Esr(GuestCode.A64("smc #0")[0], InstructionSet.A64);
        var extra = GuestCode.A32("smc #0", "mrcne p14, 7, r1, c0, c0, 0");
        var smc32 = Esr(extra[0], InstructionSet.A32);
        var cp14FailedCondition = Esr(extra[1], InstructionSet.A32);
        a32.Current.Flags = new Cpu.ConditionFlags { Z = true };

        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                a64.Hypervisor.HandleTrap(sysreg);
                a64.Hypervisor.HandleTrap(sctlr);
                a32.Hypervisor.HandleTrap(cp32);
                a32.Hypervisor.HandleTrap(cp64);
                a32.Hypervisor.HandleTrap(failedCondition);
                a64.Hypervisor.HandleTrap(smc64);
                a32.Hypervisor.HandleTrap(smc32);
                a32.Hypervisor.HandleTrap(cp14FailedCondition);
            }
        }

        Run(1_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(10_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static uint Esr(uint word, InstructionSet instructionSet)
    {
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out var access));
        return SyndromeBuilder.Build(access);
    }
}

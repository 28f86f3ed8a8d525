using System;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The runtime's one table of trapped exception classes (<see cref="TrappedInstructionClasses"/>): it agrees
/// with the layouts generated from registers.yaml, every class it recovers round-trips through the decoder
/// and the builder, and every exception class a guest can cause is handled without an exception.
/// </summary>
public sealed class TrappedInstructionClassTests
{
    public static TheoryData<uint> ExceptionClasses() => [.. TrappedInstructionClasses.All.Select(c => c.Syndrome.ExceptionClass)];

    [Fact]
    public void The_generated_layouts_have_the_descriptors_exception_classes_and_key_masks()
    {
        Assert.Equal(MsrIss.ExceptionClass, TrapClassDescriptors.Msr.ExceptionClass);
        Assert.Equal(MsrIss.KeyMask, TrapClassDescriptors.Msr.KeyMask);
        Assert.Equal(McrIss.ExceptionClass, TrapClassDescriptors.Mcr.ExceptionClass);
        Assert.Equal(McrIss.KeyMask, TrapClassDescriptors.Mcr.KeyMask);
        Assert.Equal(McrrIss.ExceptionClass, TrapClassDescriptors.Mcrr.ExceptionClass);
        Assert.Equal(McrrIss.KeyMask, TrapClassDescriptors.Mcrr.KeyMask);
    }

    [Fact]
    public void Every_architectural_descriptor_has_one_runtime_class()
    {
        Assert.Equal(TrapClassDescriptors.All, TrappedInstructionClasses.All.Select(c => c.Syndrome));
        Assert.All(TrappedInstructionClasses.All, c => Assert.True(c.Syndrome.Kind is null || c.Syndrome.Kind == c.TrapClass, c.Syndrome + " is dispatched as another trap class"));
        Assert.All(TrappedInstructionClasses.All, c => Assert.Equal(c.Syndrome.IsAarch64, c.TrapClass == TrapClassKind.Msr));
    }

    [Fact]
    public void Every_instruction_kind_in_every_trap_class_reports_a_class_of_that_kind()
    {
        foreach (var kind in Enum.GetValues<InstructionKind>())
        {
            foreach (var trapClass in TrapClasses.All)
            {
                var trapped = TrappedInstructionClasses.Of(kind, trapClass);

                Assert.Equal(kind, trapped.Kind);
                Assert.True(trapped.TrapClass == trapClass || TrappedInstructionClasses.All.All(c => c.Kind != kind || c.TrapClass != trapClass));
            }
        }

        Assert.All(TrappedInstructionClasses.All, c => Assert.Same(c, TrappedInstructionClasses.Of(c.Kind, c.TrapClass)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrappedInstructionClasses.Of((InstructionKind)4, TrapClassKind.Msr));
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_recoverable_syndrome_round_trips_through_the_decoder_and_the_builder(uint exceptionClass)
    {
        var trapped = TrappedInstructionClasses.Find(exceptionClass)!;
        var syndrome = trapped.Syndrome;
        var reported = Fields(syndrome).Aggregate(0UL, (mask, f) => mask | f.Mask);
        var random = new Random((int)exceptionClass);

        for (var i = 0; i < 1000; i++)
        {
            var iss = (ulong)random.Next(1 << 25) & reported;
            iss = syndrome.ConditionValid?.Insert(iss, 1) ?? iss;
            iss = syndrome.FixedFields.Aggregate(iss, (word, f) => f.Field.Insert(word, f.Value));
            var esr = Esr(exceptionClass, (uint)iss);

            Assert.Equal(trapped.IsRecoverable, SyndromeDecoder.TryDecode(esr, out var access, out var conditionValid));
            if (trapped.IsRecoverable)
            {
                Assert.True(conditionValid);
                Assert.Equal((trapped.Kind, trapped.TrapClass, trapped.InstructionSet), (access.Kind, access.TrapClass, access.InstructionSet));
                Assert.Equal(exceptionClass, access.ExceptionClass);
                Assert.Equal(esr, SyndromeBuilder.Build(access));
            }
        }
    }

    [Fact]
    public void Every_exception_class_with_any_iss_is_decoded_reported_and_handled_without_an_exception()
    {
        var a64 = Machine.Aarch64();
        var a32 = Machine.Aarch32();
        var random = new Random(12);
        for (var ec = 0u; ec < TrapClassDescriptors.ExceptionClassCount; ec++)
        {
            foreach (var iss in new[] { 0u, (1u << 25) - 1 }.Concat(Enumerable.Range(0, 32).Select(_ => (uint)random.Next(1 << 25))))
            {
                var esr = Esr(ec, iss);
                var dispatched = SyndromeKey.TryGet(esr, out var kind, out var key);
                var decoded = SyndromeDecoder.TryDecode(esr, out var access, out _);

                Assert.Equal(TrapClassDescriptors.Find(ec)?.Kind is not null, dispatched);
                Assert.True(!dispatched || (kind == access.TrapClass && key == (iss & TrapClasses.KeyMask(kind))));
                Assert.Equal(TrappedInstructionClasses.Find(ec) is { IsRecoverable: true }, decoded);
                Assert.NotNull(TrapReport.LogLine(esr, 0));
                Assert.Equal(dispatched, TrapReport.CatalogueEntry(esr) is not null);
                TrapReport.DisplayName(esr);
                a64.Hypervisor.HandleTrap(esr);
                a32.Hypervisor.HandleTrap(esr);
            }
        }
    }

    [Theory]
    [InlineData(0u, TrapOutcome.SmcNotSupported)] // CCKNOWNPASS 0: it passed its condition
    [InlineData(1u, TrapOutcome.ConditionFailed)] // CCKNOWNPASS 1, CV 1, COND NE with Z set: it failed
    public void A_trapped_a32_smc_is_checked_against_its_condition_only_when_it_reports_one(uint ccKnownPass, TrapOutcome outcome)
    {
        var domain = Machine.Aarch32();
        domain.Current.Flags = new ConditionFlags { Z = true };
        var iss = Layouts.Smc32Iss.CCKNOWNPASS.Insert(Layouts.Smc32Iss.COND.Insert(Layouts.Smc32Iss.CV.Insert(0, 1), 0b0001), ccKnownPass);

        Assert.Equal(outcome, domain.Hypervisor.HandleTrap(Esr(Layouts.Smc32Iss.ExceptionClass, (uint)iss)));
    }

    private static uint Esr(uint exceptionClass, uint iss) => EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), 1), exceptionClass);

    private static BitField[] Fields(TrapClassDescriptor d) =>
        [.. new[] { d.Op0, d.Op1, d.CRn, d.CRm, d.Op2, d.Rt, d.Rt2, d.Direction, d.ConditionValid, d.Condition, d.Immediate }.Where(f => f is not null).Select(f => f!)];
}

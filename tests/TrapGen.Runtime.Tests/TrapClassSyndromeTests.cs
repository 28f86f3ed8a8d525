using System;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The one table of trap classes (TrapGen.Architecture's <see cref="TrapClasses"/>) drives the runtime: every
/// class's syndrome round-trips through the decoder and the builder, and every exception class a guest can
/// cause, with any ISS, is decoded, reported and handled without an exception.
/// </summary>
public sealed class TrapClassSyndromeTests
{
    public static TheoryData<string> ClassNames() => [.. TrapClasses.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void Every_syndrome_of_a_class_round_trips_through_the_decoder_and_the_builder(string className)
    {
        var trapClass = TrapClasses.Named(className)!;
        var reported = new[] { trapClass.Rt, trapClass.Rt2, trapClass.Rn, trapClass.Direction, trapClass.Condition, trapClass.Immediate }
            .Concat(trapClass.KeyFields)
            .Concat(trapClass.Memory is { } memory ? [memory.BaseRegister, memory.Offset, memory.Add, memory.Mode] : [])
            .Where(f => f is not null)
            .Aggregate(0UL, (mask, f) => mask | f!.Mask);
        var random = new Random((int)trapClass.ExceptionClass);
        // An A32 SMC's and a SIMD and floating-point, SVE, SME, pointer authentication or EC 0x0A trap's syndromes do not
        // say which instruction trapped (EC 0x0A's says LD64B or ST64B, and none of the registers), nor does one whose key two
        // instructions share (EC 0x2D's: GCSSTR or GCSSTTR).
        var grouped = trapClass == TrapClasses.Smc32 || InstructionGroups.Contains(trapClass);
        var instructions = TrappedInstructions.All.Where(i => i.Class == trapClass).ToList();

        for (var i = 0; i < 1000; i++)
        {
            var iss = (ulong)random.Next(1 << 25) & reported;

            // An instruction that accesses no register: one of its class's (WFIT: TI 0b10, RV 1; ERETAB: ERET 1, ERETA 1), RN only
            // when it names one (ERET's class has no register field at all).
            var instruction = trapClass.IsDispatchable || trapClass.KeyFields.Count == 0 ? null : instructions[random.Next(instructions.Count)];
            if (instruction is not null)
            {
                iss = (iss & ~(ulong)trapClass.KeyMask) | instruction.Key;
                iss = instruction.TakesRegister || trapClass.Rt is not { } rt ? iss : rt.Insert(iss, 0);
                iss = instruction.TakesAddress || trapClass.Rn is not { } rn ? iss : rn.Insert(iss, 0);
            }

            var recoverable = !grouped && (instruction is null || !TrappedInstructions.IsShared(instruction));

            iss = trapClass.ConditionKnownPass is null ? trapClass.ConditionValid?.Insert(iss, 1) ?? iss : iss;
            iss = trapClass.FixedFields.Aggregate(iss, (word, f) => f.Field.Insert(word, f.Value));
            var esr = Esr(trapClass.ExceptionClass, (uint)iss);

            Assert.Equal(recoverable, SyndromeDecoder.TryDecode(esr, out var access, out var conditionValid));
            if (recoverable)
            {
                Assert.True(conditionValid);
                Assert.Same(trapClass, access.Class);
                // A class of either state reads as A64 unless the condition says AArch32 (WFIT and WFET are A64 only).
                var aarch64 = trapClass.State switch
                {
                    TrapClassState.Aarch64 => true,
                    TrapClassState.Aarch32 => false,
                    _ => instruction!.TakesRegister || trapClass.Condition!.Extract(iss) == 0b1110,
                };
                Assert.Equal(aarch64 ? InstructionSet.A64 : InstructionSet.A32, access.InstructionSet);
                Assert.Equal(instruction, access.Instruction);
                Assert.Equal(trapClass.IsRead((uint)iss), access.IsRead);
                Assert.Equal(esr, SyndromeBuilder.Build(access));
            }
            else if (instruction is not null)
            {
                // GCSSTR or GCSSTTR: either, with the syndrome's registers, builds it.
                var named = new SystemRegisterAccess(
                    trapClass, InstructionSet.A64, IsRead: false, 0, 0, 0, 0, 0, Read(trapClass.Rt, iss), 0, Aarch32Constants.ConditionAlways, Rn: Read(trapClass.Rn, iss), Instruction: instruction);
                Assert.Equal(esr, SyndromeBuilder.Build(named));
            }
        }
    }

    [Fact]
    public void Every_exception_class_with_any_iss_is_decoded_reported_and_handled_without_an_exception()
    {
        var a64 = Machine.Aarch64();
        var a32 = Machine.Aarch32();
        var random = new Random(12);
        for (var ec = 0u; ec < 1u << EsrFields.ECWidth; ec++)
        {
            foreach (var iss in new[] { 0u, (1u << 25) - 1 }.Concat(Enumerable.Range(0, 32).Select(_ => (uint)random.Next(1 << 25))))
            {
                var esr = Esr(ec, iss);
                var dispatched = SyndromeKey.TryGet(esr, out var trapClass, out var key);
                var decoded = SyndromeDecoder.TryDecode(esr, out var access, out _);

                Assert.Equal(TrapClasses.Find(ec) is { IsDispatchable: true }, dispatched);
                Assert.True(!dispatched || (trapClass == access.Class && key == (iss & trapClass.KeyMask)));
                // A WF* syndrome decodes when its TI and RV are an instruction's, an EC 0x2D one never (GCSSTR or GCSSTTR, or no trap); an A32 SMC's and EC 0x07's, 0x19's and 0x1D's never say which instruction.
                Assert.Equal(
                    TrapClasses.Find(ec) is { } found && found != TrapClasses.Smc32 && !InstructionGroups.Contains(found)
                        && (found.IsDispatchable || found.KeyFields.Count == 0 || (TrappedInstructions.TryFind(found, found.KeyOf(iss), out var row) && !TrappedInstructions.IsShared(row))),
                    decoded);
                Assert.NotNull(TrapReport.LogLine(esr, 0));
                Assert.True(!dispatched || TrapReport.CatalogueEntry(esr) is not null || !CatalogueIndex.TryFindRegister(trapClass, key, out _, out _));
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
        var smc = TrapClasses.Smc32;
        var iss = smc.ConditionKnownPass!.Insert(smc.Condition!.Insert(smc.ConditionValid!.Insert(0, 1), 0b0001), ccKnownPass);

        Assert.Equal(outcome, domain.Hypervisor.HandleTrap(Esr(smc.ExceptionClass, (uint)iss)));
    }

    private static uint Read(BitField? field, ulong iss) => field is null ? 0 : (uint)field.Extract(iss);

    private static uint Esr(uint exceptionClass, uint iss) => EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), 1), exceptionClass);
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The reserved ID registers of both Execution states (AArch64 op0 3, op1 0, CRn 0, CRm 1–7; AArch32
/// p15, 0, c0, c3–c7), each encoding no register has there: an EL1 read reads as zero, HCR_EL2.TID3
/// traps it (EC 0x18 or 0x03) and the shipped catalogue's TID3 <c>others: raz-wi</c> answers zero; a
/// write is UNDEFINED at EL1, TID3 or not (Arm ARM: the ID space is read-only).
/// </summary>
public sealed class ReservedIdSpaceTests
{
    private static readonly ulong Tid3 = TrapControls.TID3.Mask;

    public static TheoryData<ExecutionState, uint, uint, uint, uint> Encodings
    {
        get
        {
            var data = new TheoryData<ExecutionState, uint, uint, uint, uint>();
            foreach (var e in ReservedIdSpace.Aarch64)
            {
                data.Add(ExecutionState.Aarch64, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2);
            }

            foreach (var e in ReservedIdSpace.Aarch32)
            {
                data.Add(ExecutionState.Aarch32, (uint)e.Opc1, (uint)e.CRn, (uint)e.CRm, (uint)e.Opc2);
            }

            return data;
        }
    }

    [Fact]
    public void The_reserved_aarch32_encodings_are_the_unnamed_ones_of_p15_0_c0_c3_to_c7()
    {
        var named = Aarch32Registers.All.Where(r => r.Coprocessor == 15 && r.Encoding is { Form: AccessForm.Mcr, Opc1: 0, CRn: 0, CRm: >= 3 and <= 7 }).Select(r => r.Name);

        Assert.Equal(["ID_PFR2", "ID_DFR1", "ID_MMFR5"], named);
        Assert.Equal((5 * 8) - 3, ReservedIdSpace.Aarch32.Count);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_reserved_id_register_reads_as_zero_tid3_traps_the_read_and_a_write_is_undefined(ExecutionState state, uint op1, uint crn, uint crm, uint op2)
    {
        var domain = new Domains.Domain([state], UnhandledAccessPolicy.InjectUndefined);
        var registers = domain.Current.Registers;
        var read = Access(state, isRead: true, op1, crn, crm, op2);
        var write = Access(state, isRead: false, op1, crn, crm, op2);
        var outcomes = new List<(ExecutionKind Kind, TrapControl? Control, ulong Rt)>();

        foreach (var hcr in new[] { 0UL, Tid3 })
        {
            domain.Hypervisor.Hcr.Value = hcr;
            registers.WriteX(1, 0xFFFF_FFFF);
            var result = domain.Cpu.Execute(InstructionEncoder.Encode(read));
            outcomes.Add((result.Kind, result.Control, registers.ReadX(1)));
            Assert.True(result.Kind != ExecutionKind.Trapped || result.Esr == SyndromeBuilder.Build(read));
            var written = domain.Cpu.Execute(InstructionEncoder.Encode(write));
            outcomes.Add((written.Kind, written.Control, 0));
        }

        Assert.Equal(
            [
                (ExecutionKind.Direct, null, 0UL), (ExecutionKind.UndefinedAtEl1, null, 0UL),
                (ExecutionKind.Trapped, TrapControls.TID3, 0UL), (ExecutionKind.UndefinedAtEl1, null, 0UL),
            ],
            outcomes);
    }

    private static SystemRegisterAccess Access(ExecutionState state, bool isRead, uint op1, uint crn, uint crm, uint op2) => state == ExecutionState.Aarch64
        ? new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, isRead, 3, op1, crn, crm, op2, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways)
        : new SystemRegisterAccess(TrapClasses.Mcr, InstructionSet.A32, isRead, 0, op1, crn, crm, op2, Rt: 1, Rt2: 0, Aarch32Constants.ConditionAlways);
}

using System;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The wait instructions as words, both ways: A64 WFI, WFE (the hints #3 and #2), WFIT and WFET (FEAT_WFxT, with a
/// timeout register); A32 WFI and WFE (conditional); T32 WFI.W and WFE.W (32-bit; the 16-bit encodings are not
/// modelled: every instruction the emulated CPU runs is 4 bytes). Each is one of trapped-instructions.table's rows
/// (<see cref="TrappedInstructions"/>), found by name.
/// </summary>
internal static class WaitInstructions
{
    private const uint WfiHint = 3;
    private const uint WfeHint = 2;
    private const uint WfitOp2 = 1;

    /// <summary>Gets WFI, WFE, WFIT or WFET, from trapped-instructions.table.</summary>
    public static TrappedInstruction Named(string name) => TrappedInstructions.Named(TrapClasses.Wfx, name);

    /// <summary>Gets whether <paramref name="instruction"/> waits for an interrupt (WFI, WFIT) rather than for an event (WFE, WFET).</summary>
    public static bool WaitsForInterrupt(TrappedInstruction instruction) => instruction.Name.StartsWith("WFI", StringComparison.Ordinal);

    /// <summary>Decodes an A64 WFI, WFE, WFIT or WFET.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64Wait.Fixed.Extract(word) == Layouts.A64Wait.FixedValue && Layouts.A64Wait.CRm.Extract(word) == Layouts.A64Wait.CRmValue
            && Layouts.A64Wait.Rt.Extract(word) == Layouts.A64Wait.RtValue && Layouts.A64Wait.Op2.Extract(word) is WfiHint or WfeHint)
        {
            access = Access(Layouts.A64Wait.Op2.Extract(word) == WfiHint ? Wfi : Wfe, InstructionSet.A64, Aarch32Constants.ConditionAlways, 0);
            return true;
        }

        if (Layouts.A64WaitWithTimeout.Fixed.Extract(word) == Layouts.A64WaitWithTimeout.FixedValue && Layouts.A64WaitWithTimeout.Op2.Extract(word) <= WfitOp2)
        {
            access = Access(Layouts.A64WaitWithTimeout.Op2.Extract(word) == WfitOp2 ? Wfit : Wfet, InstructionSet.A64, Aarch32Constants.ConditionAlways, (uint)Layouts.A64WaitWithTimeout.Rd.Extract(word));
            return true;
        }

        return false;
    }

    /// <summary>Decodes an A32 WFI or WFE (any condition but the unconditional space) or a T32 WFI.W or WFE.W.</summary>
    public static bool TryDecodeA32(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        ulong hint;
        uint condition;
        if (instructionSet == InstructionSet.T32)
        {
            if (Layouts.T32Wait.Fixed.Extract(word) != Layouts.T32Wait.FixedValue)
            {
                return false;
            }

            hint = Layouts.T32Wait.Hint.Extract(word);
            condition = Aarch32Constants.ConditionAlways;
        }
        else
        {
            condition = (uint)Layouts.A32Wait.Cond.Extract(word);
            if (Layouts.A32Wait.Fixed.Extract(word) != Layouts.A32Wait.FixedValue || condition == Aarch32Constants.ConditionUnconditionalSpace)
            {
                return false;
            }

            hint = Layouts.A32Wait.Hint.Extract(word);
        }

        if (hint is not (WfiHint or WfeHint))
        {
            return false;
        }

        access = Access(hint == WfiHint ? Wfi : Wfe, instructionSet, condition, 0);
        return true;
    }

    /// <summary>Encodes a wait instruction in its set: the inverse of the decoders.</summary>
    public static uint Encode(in SystemRegisterAccess access)
    {
        var interrupt = access.Instruction is { } instruction && WaitsForInterrupt(instruction);
        var hint = interrupt ? WfiHint : WfeHint;
        switch (access.InstructionSet)
        {
            case InstructionSet.A64 when access.Instruction is { TakesRegister: true }:
                var timed = Layouts.A64WaitWithTimeout.Fixed.Insert(0, Layouts.A64WaitWithTimeout.FixedValue);
                timed = Layouts.A64WaitWithTimeout.Op2.Insert(timed, interrupt ? WfitOp2 : 0);
                return (uint)Layouts.A64WaitWithTimeout.Rd.Insert(timed, access.Rt);
            case InstructionSet.A64:
                var a64 = Layouts.A64Wait.Fixed.Insert(0, Layouts.A64Wait.FixedValue);
                a64 = Layouts.A64Wait.CRm.Insert(a64, Layouts.A64Wait.CRmValue);
                a64 = Layouts.A64Wait.Op2.Insert(a64, hint);
                return (uint)Layouts.A64Wait.Rt.Insert(a64, Layouts.A64Wait.RtValue);
            case InstructionSet.T32:
                return (uint)Layouts.T32Wait.Hint.Insert(Layouts.T32Wait.Fixed.Insert(0, Layouts.T32Wait.FixedValue), hint);
            default:
                var a32 = Layouts.A32Wait.Cond.Insert(0, access.Condition);
                a32 = Layouts.A32Wait.Fixed.Insert(a32, Layouts.A32Wait.FixedValue);
                return (uint)Layouts.A32Wait.Hint.Insert(a32, hint);
        }
    }

    /// <summary>The access of <paramref name="instruction"/>: no register moved; WFIT's and WFET's timeout register in Rt.</summary>
    public static SystemRegisterAccess Access(TrappedInstruction instruction, InstructionSet instructionSet, uint condition, uint register) =>
        new(TrapClasses.Wfx, instructionSet, IsRead: false, 0, 0, 0, 0, 0, register, 0, condition, Instruction: instruction);

    /// <summary>Gets WFI.</summary>
    public static TrappedInstruction Wfi { get; } = Named("WFI");

    /// <summary>Gets WFE.</summary>
    public static TrappedInstruction Wfe { get; } = Named("WFE");

    /// <summary>Gets WFIT.</summary>
    public static TrappedInstruction Wfit { get; } = Named("WFIT");

    /// <summary>Gets WFET.</summary>
    public static TrappedInstruction Wfet { get; } = Named("WFET");
}

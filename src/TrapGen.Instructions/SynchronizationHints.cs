using TrapGen.Architecture;
using Hint = TrapGen.Architecture.Layouts.A64SyncHint;

namespace TrapGen.Instructions;

/// <summary>
/// The profiling and trace synchronization barriers, as words and as text, both ways: <c>psb csync</c> (C6.2.318 PSB,
/// FEAT_SPE) and <c>tsb csync</c> (C6.2.482 TSB, FEAT_TRF), HINT-space instructions that a CPU without their feature runs
/// as NOPs. HFGITR_EL2.PSBCSYNC (FEAT_SPEv1p5) and HFGITR2_EL2.TSBCSYNC (FEAT_TRBEv1p1) trap them from EL1 in the class of
/// any other instruction (EC 0x0A, <see cref="TrapClasses.Other"/>), whose ISS says which. The access keeps the word.
/// </summary>
public static class SynchronizationHints
{
    /// <summary>The operand each takes, the only one.</summary>
    private const string Operand = "csync";

    /// <summary>Op2 of each: C6.2.318, C6.2.482 (HINT #17 and #18).</summary>
    private const uint ProfilingOp2 = 0b001, TraceOp2 = 0b010;

    /// <summary>Gets the row of PSB CSYNC.</summary>
    internal static TrappedInstruction Profiling { get; } = TrappedInstructions.Named(TrapClasses.Other, "PSB");

    /// <summary>Gets the row of TSB CSYNC.</summary>
    internal static TrappedInstruction Trace { get; } = TrappedInstructions.Named(TrapClasses.Other, "TSB");

    /// <summary>Gets whether <paramref name="row"/> is PSB CSYNC's or TSB CSYNC's.</summary>
    public static bool Contains(TrappedInstruction? row) => row == Profiling || row == Trace;

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is PSB's or TSB's.</summary>
    internal static bool IsMnemonic(string mnemonic) => mnemonic is "psb" or "tsb";

    /// <summary>Decodes an A64 PSB CSYNC or TSB CSYNC.</summary>
    internal static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Hint.Fixed.Extract(word) != Hint.FixedValue || Hint.CRm.Extract(word) != Hint.CRmValue || Hint.Rt.Extract(word) != Hint.RtValue)
        {
            return false;
        }

        TrappedInstruction? row = (uint)Hint.Op2.Extract(word) switch
        {
            ProfilingOp2 => Profiling,
            TraceOp2 => Trace,
            _ => null,
        };
        if (row is null)
        {
            return false;
        }

        access = InstructionGroups.Access(row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Parses <c>psb csync</c> or <c>tsb csync</c>: <paramref name="mnemonic"/> in lower case, CSYNC its only operand.</summary>
    internal static bool TryParse(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 1 || !string.Equals(operands[0], Operand, System.StringComparison.OrdinalIgnoreCase))
        {
            error = "expected '" + mnemonic + " csync': CSYNC is its only operand";
            return false;
        }

        error = string.Empty;
        var row = mnemonic == "psb" ? Profiling : Trace;
        access = InstructionGroups.Access(row, Encode(row), InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Formats the instruction as objdump does: <c>psb csync</c>.</summary>
    internal static string Format(in SystemRegisterAccess access) =>
        (access.Instruction == Trace ? "tsb" : "psb") + " " + Operand;

    /// <summary>The word of <paramref name="row"/>, PSB's or TSB's.</summary>
    private static uint Encode(TrappedInstruction row)
    {
        var word = Hint.Fixed.Insert(0, Hint.FixedValue);
        word = Hint.CRm.Insert(word, Hint.CRmValue);
        word = Hint.Op2.Insert(word, row == Trace ? TraceOp2 : ProfilingOp2);
        return (uint)Hint.Rt.Insert(word, Hint.RtValue);
    }
}

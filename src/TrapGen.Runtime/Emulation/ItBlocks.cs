using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The T32 IT instruction on the emulated CPU (Arm ARM F5.1.57): it sets PSTATE.IT to firstcond:mask, so that the up
/// to four instructions after it are conditional, and is not itself advanced past (ShouldAdvanceIT is FALSE): the PC
/// moves 2 bytes and PSTATE.IT stays as set. Its CONSTRAINED UNPREDICTABLE forms are UNDEFINED, one of the behaviours
/// the Arm ARM allows for each (F5.1.57, K1.1.7), as the CPU's other UNPREDICTABLE forms are: an IT inside an IT block,
/// and firstcond 0b1111, or AL with more than one instruction in the block. SCTLR.ITD, which would make an IT of more
/// than one instruction UNDEFINED, is not modelled.
/// </summary>
internal static class ItBlocks
{
    /// <summary>The size of the 16-bit IT.</summary>
    private const ulong ItSize = 2;

    /// <summary>Executes <paramref name="word"/> on <paramref name="vcpu"/>, in T32, when it is an IT; null when it is not.</summary>
    public static ExecutionResult? TryExecute(Vcpu vcpu, uint word)
    {
        if (!ItInstruction.TryDecode(word, out var firstCondition, out var mask))
        {
            return null;
        }

        if (vcpu.It.InBlock || ItInstruction.IsUnpredictable(firstCondition, mask))
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, 0, null, UndefinedReason.Unpredictable);
        }

        vcpu.It = new ItState((byte)((firstCondition << 4) | mask));
        vcpu.Pc += ItSize;
        return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, 0);
    }
}

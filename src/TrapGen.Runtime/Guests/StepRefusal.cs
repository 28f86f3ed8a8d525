namespace TrapGen.Runtime.Guests;

/// <summary>Why <see cref="GuestProgramExecutor"/> refused a step; a refused step changes nothing.</summary>
public enum StepRefusal
{
    /// <summary>The step ran.</summary>
    None,

    /// <summary>A context switch to a vCPU the domain does not have.</summary>
    NoSuchVcpu,

    /// <summary>The physical counter would pass 2^64 - 1; a 64-bit counter does not wrap in any real run.</summary>
    CounterWouldOverflow,

    /// <summary>An instruction assembled for AArch64 on an AArch32 vCPU, or the reverse.</summary>
    WrongInstructionSet,

    /// <summary>A value for the source register(s) of an instruction that is no write on the running vCPU.</summary>
    ValueWithoutWrite,

    /// <summary>
    /// An instruction that did not trap and whose effect the machine cannot perform (<see cref="Emulation.ExecutionKind.NotModelled"/>):
    /// an LD64B, ST64B, ST64BV or ST64BV0 its HCRX_EL2 enable lets run, which would access a device's memory the machine lacks.
    /// </summary>
    NotPerformed,

    /// <summary>
    /// An ERET, ERETAA or ERETAB that did not trap and returns where the emulated CPU does not go: to EL0 or AArch32, an
    /// illegal return (SPSR_EL1.M other than EL1t or EL1h), or with ELR_EL1 to authenticate (ERETAA or ERETAB with its key enabled).
    /// </summary>
    ExceptionReturnNotModelled,

    /// <summary>
    /// A Guarded Control Stack System instruction that did not trap and would use what the machine does not model: the
    /// guest's Guarded Control Stack (GCSEnabled(EL1): HCRX_EL2.GCSEn and GCSCR_EL1.PCRSEL 1), or PSTATE.EXLOCK
    /// (GCSPUSHX and GCSPOPCX with GCSCR_EL1.EXLOCKEN 1).
    /// </summary>
    GuardedControlStackNotModelled,

    /// <summary>
    /// A GCSSTR or GCSSTTR that did not trap (GCSCR_EL1.STREn and HFGITR_EL2.nGCSSTR_EL1 1, or a GCSSTTR that is unprivileged),
    /// which would write the guest's Guarded Control Stack memory, which the machine does not model.
    /// </summary>
    GuardedControlStackStoreNotModelled,
}

namespace TrapGen.Runtime.Emulation;

/// <summary>Why an access was UNDEFINED at EL1 without reaching the hypervisor.</summary>
public enum UndefinedReason
{
    /// <summary>It was not UNDEFINED.</summary>
    None,

    /// <summary>No register is allocated to the encoding, and it is outside the IMPLEMENTATION DEFINED space.</summary>
    Unallocated,

    /// <summary>The register belongs to EL2 or EL3.</summary>
    HigherExceptionLevel,

    /// <summary>A write of a read-only register or a read of a write-only one.</summary>
    WrongDirection,

    /// <summary>A CONSTRAINED UNPREDICTABLE form (r15 as a transfer register, MRRC with Rt = Rt2), made UNDEFINED.</summary>
    Unpredictable,

    /// <summary>The register or instruction needs a feature the CPU model lacks, or is an IMPLEMENTATION DEFINED encoding it does not define.</summary>
    NotImplemented,

    /// <summary>A register operand its instruction's Decode makes UNDEFINED: an LD64B, ST64B, ST64BV or ST64BV0 whose Rt is odd or above X23; an MRRS or MSRR whose Rt is odd.</summary>
    ReservedRegister,

    /// <summary>An AArch32 guest's SIMD or floating-point use while its own CPACR.cp10 disables it at EL1.</summary>
    FloatingPointDisabled,
}

using TrapGen.Architecture;
using TrapGen.Instructions;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// Where an access's value comes from and goes to, by its form: Xt for MSR/MRS and SYS, and for MSRR/MRRS the low half in
/// Xt (the high half, in Xt+1, only the emulated CPU's direct access moves); Rt for MCR/MRC and
/// VMRS (the low word); Rt with the low word and Rt2 with the high word for MCRR/MRRC; for LDC/STC the word of
/// guest memory its addressing mode gives, with the base written back for pre- and post-indexing. One home
/// for those moves: the emulated CPU's direct accesses and the trace tool's values use it; the generated
/// dispatch moves a trapped access's value the same way.
/// </summary>
public static class TransferRegisters
{
    /// <summary>Gets the value the access puts in its register: Xt, Rt, the Rt/Rt2 pair, or an LDC's word of memory.</summary>
    public static ulong Read(Vcpu vcpu, in SystemRegisterAccess access)
    {
        System.ArgumentNullException.ThrowIfNull(vcpu);
        var registers = vcpu.Registers;
        return access.Class.Form switch
        {
            AccessForm.Msr or AccessForm.Msrr => registers.ReadX((int)access.Rt),
            AccessForm.Mcrr => RegisterHalves.Compose(registers.ReadR((int)access.Rt), registers.ReadR((int)access.Rt2)),
            AccessForm.LdcStc => vcpu.Memory.ReadWord(Address(vcpu, access, out _)),
            _ => registers.ReadR((int)access.Rt),
        };
    }

    /// <summary>Puts <paramref name="value"/>, read from the register, where the access takes it: Xt, Rt (its low word), the pair, or an STC's word of memory.</summary>
    public static void Write(Vcpu vcpu, in SystemRegisterAccess access, ulong value)
    {
        System.ArgumentNullException.ThrowIfNull(vcpu);
        var registers = vcpu.Registers;
        switch (access.Class.Form)
        {
            case AccessForm.Msr or AccessForm.Msrr:
                registers.WriteX((int)access.Rt, value);
                break;
            case AccessForm.Mcrr:
                registers.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                registers.WriteR((int)access.Rt2, RegisterHalves.Hi(value));
                break;
            case AccessForm.LdcStc:
                vcpu.Memory.WriteWord(Address(vcpu, access, out _), RegisterHalves.Lo(value));
                break;
            default:
                registers.WriteR((int)access.Rt, RegisterHalves.Lo(value));
                break;
        }
    }

    /// <summary>Ends a performed access: an LDC or STC that writes its base back moves Rn; nothing else changes.</summary>
    public static void WriteBack(Vcpu vcpu, in SystemRegisterAccess access)
    {
        System.ArgumentNullException.ThrowIfNull(vcpu);
        if (access.WritesBack)
        {
            Address(vcpu, access, out var writtenBack);
            vcpu.Registers.WriteR((int)access.Rn, writtenBack);
        }
    }

    /// <summary>Gets how many bits the access moves: 32 for Rt and a word of memory, 128 for MSRR/MRRS's pair, else 64.</summary>
    public static int Width(in SystemRegisterAccess access) => access.Class.TransferWidth;

    /// <summary>
    /// Gets the address of an LDC or STC, as the generated dispatch computes it (TrapGen.Abstractions'
    /// <c>LdcStcIss.Address</c>) from its syndrome: from Rn, or for a literal form from the PC as the instruction
    /// reads it (its address plus 8 in A32, plus 4 in T32), aligned down to a word.
    /// </summary>
    public static uint Address(Vcpu vcpu, in SystemRegisterAccess access, out uint writtenBack)
    {
        System.ArgumentNullException.ThrowIfNull(vcpu);
        var iss = EsrFields.GetISS(SyndromeBuilder.Build(access));
        var baseValue = LdcStcIss.IsLiteral(iss) ? LiteralBase(vcpu.Pc, access.InstructionSet) : vcpu.Registers.ReadR((int)access.Rn);
        return LdcStcIss.Address(iss, baseValue, out writtenBack);
    }

    /// <summary>The PC a literal LDC at <paramref name="pc"/> reads, aligned down to a word: Align(PC, 4) with PC the instruction's address plus 8 in A32, plus 4 in T32.</summary>
    public static uint LiteralBase(ulong pc, InstructionSet instructionSet) =>
        unchecked((uint)pc + (instructionSet == InstructionSet.T32 ? 4u : 8u)) & ~(LdcStcIss.WordBytes - 1);
}

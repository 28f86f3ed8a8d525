namespace TrapGen.Catalogue.Model;

/// <summary>
/// What the hypervisor does with a trapped System instruction (DC, IC, TLBI, AT). An instruction is
/// executed, never read, so none of these returns a value.
/// </summary>
public enum InstructionHandling
{
    /// <summary>Runs the named hook with the instruction's operand (Xt or Rt; 0 when it takes none), as KVM's access_dcsw turns set/way maintenance into a flush.</summary>
    Hook,

    /// <summary>The runtime performs the instruction on the hardware for the guest, as the guest asked.</summary>
    Forward,

    /// <summary>The instruction completes and does nothing.</summary>
    Ignore,

    /// <summary>Inject an UNDEFINED exception into the guest.</summary>
    Undefined,
}

namespace TrapGen;

/// <summary>What the hypervisor does with a trapped access.</summary>
public enum RegisterHandling
{
    /// <summary>Move the value to or from the real register (the seed's *_PASSTHRU macros).</summary>
    Passthrough,

    /// <summary>Call the runtime's named emulator, which owns the value.</summary>
    Emulated,

    /// <summary>Reads as zero, writes ignored.</summary>
    RazWi,

    /// <summary>Reads return the catalogue's <c>value</c>; writes are ignored (KVM's invariant registers).</summary>
    Constant,

    /// <summary>
    /// Reads return the hardware's value with the catalogue's <c>fields</c> replaced (KVM's sanitised ID
    /// registers: hide a feature by giving its field the value that means "not implemented"); writes are
    /// ignored. The register file holds the hardware's value (its <c>reset</c>).
    /// </summary>
    Sanitised,

    /// <summary>Inject an UNDEFINED exception into the guest.</summary>
    Undefined,
}

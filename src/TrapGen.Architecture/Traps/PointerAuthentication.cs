namespace TrapGen.Architecture;

/// <summary>
/// The guest's own enables of the pointer authentication keys, which the CPU checks before HCR_EL2.API: SCTLR_EL1.EnIA,
/// EnIB, EnDA and EnDB (D24.2.175). While a key's enable is 0 an instruction that uses it runs untrapped and leaves its
/// pointer as it is (the Arm ARM's IsAPIAKeyEnabled and its siblings return FALSE before they look at API); PACGA has no
/// enable and traps whenever API is 0 (AddPACGA).
/// </summary>
public static class PointerAuthentication
{
    /// <summary>
    /// Gets the SCTLR_EL1 field that enables the key of <paramref name="instruction"/>, a row of
    /// <see cref="TrapClasses.Pac"/>, or null for PACGA and for an instruction of any other class.
    /// </summary>
    public static BitField? EnableOf(TrappedInstruction instruction) =>
        (instruction ?? throw new System.ArgumentNullException(nameof(instruction))).Class != TrapClasses.Pac ? null
        : instruction.Name switch
        {
            "PACIA" or "PACIASP" => Layouts.SctlrEl1.EnIA,
            "PACIB" or "PACIBSP" => Layouts.SctlrEl1.EnIB,
            "PACDA" => Layouts.SctlrEl1.EnDA,
            "PACDB" => Layouts.SctlrEl1.EnDB,
            _ => null,
        };
}

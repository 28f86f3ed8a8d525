namespace TrapGen.Architecture;

/// <summary>
/// The guest's own enables of the pointer authentication keys, which the CPU checks before HCR_EL2.API: SCTLR_EL1.EnIA,
/// EnIB, EnDA and EnDB (D24.2.175). While a key's enable is 0 an instruction that uses it runs untrapped and leaves its
/// pointer as it is (the Arm ARM's IsAPIAKeyEnabled and its siblings return FALSE before they look at API); PACGA has no
/// enable and traps whenever API is 0 (AddPACGA). ERETAA and ERETAB authenticate ELR_EL1 with the APIA and APIB keys after
/// their own trap to EL2 (<see cref="TrapClasses.Eret"/>): with the key disabled they return to ELR_EL1 as it is.
/// </summary>
public static class PointerAuthentication
{
    /// <summary>
    /// Gets the SCTLR_EL1 field that enables the key of <paramref name="instruction"/>, a row of
    /// <see cref="TrapClasses.Pac"/> or ERETAA or ERETAB, or null for PACGA, ERET and an instruction of any other class.
    /// </summary>
    public static BitField? EnableOf(TrappedInstruction instruction) =>
        (instruction ?? throw new System.ArgumentNullException(nameof(instruction))).Class != TrapClasses.Pac && instruction.Class != TrapClasses.Eret ? null
        : instruction.Name switch
        {
            "PACIA" or "PACIASP" or "ERETAA" => Layouts.SctlrEl1.EnIA,
            "PACIB" or "PACIBSP" or "ERETAB" => Layouts.SctlrEl1.EnIB,
            "PACDA" => Layouts.SctlrEl1.EnDA,
            "PACDB" => Layouts.SctlrEl1.EnDB,
            _ => null,
        };
}

namespace TrapGen.Architecture;

/// <summary>The values of the EL2 registers that hold trap controls, as one EL1 access sees them.</summary>
/// <param name="Hcr">HCR_EL2.</param>
/// <param name="Cnthctl">CNTHCTL_EL2 (with HCR_EL2.E2H = 0).</param>
/// <param name="Mdcr">MDCR_EL2.</param>
/// <param name="Cptr">CPTR_EL2 (with HCR_EL2.E2H = 0); 0 traps nothing TrapGen models.</param>
public readonly record struct TrapControlRegisters(ulong Hcr, ulong Cnthctl, ulong Mdcr, ulong Cptr = 0)
{
    /// <summary>Gets the value of the register that holds <paramref name="control"/>.</summary>
    public ulong ValueOf(TrapControl control) => ValueOf((control ?? throw new System.ArgumentNullException(nameof(control))).Register);

    /// <summary>Gets the value of the trap-control register named <paramref name="register"/>: HCR_EL2, CNTHCTL_EL2, MDCR_EL2 or CPTR_EL2.</summary>
    /// <exception cref="System.ArgumentException">For another name.</exception>
    public ulong ValueOf(string register) => register switch
    {
        HcrEl2.Name => Hcr,
        CnthctlEl2.Name => Cnthctl,
        MdcrEl2.Name => Mdcr,
        CptrEl2.Name => Cptr,
        _ => throw new System.ArgumentException("TrapGen holds no trap-control register " + register, nameof(register)),
    };

    /// <summary>Gets whether <paramref name="control"/> traps under these values (on a CPU where it exists).</summary>
    public bool IsActive(TrapControl control) => control.IsActive(ValueOf(control));

    /// <summary>Gets whether <paramref name="control"/> traps under these values on <paramref name="model"/>, or on any CPU that has it when null.</summary>
    public bool IsActive(TrapControl control, CpuModel? model) => IsActive(control) && (model is null || control.ExistsOn(model));
}

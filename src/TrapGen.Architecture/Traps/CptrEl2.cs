namespace TrapGen.Architecture;

/// <summary>
/// CPTR_EL2, the architectural feature trap register (with HCR_EL2.E2H = 0); its trap bits that TrapGen models are in
/// <see cref="TrapControls"/>: TCPAC (CPACR_EL1 and CPACR), TAM (the activity monitors) and TTA (the trace unit).
/// </summary>
public static class CptrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "CPTR_EL2";
}

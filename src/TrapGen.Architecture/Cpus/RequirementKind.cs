namespace TrapGen.Architecture;

/// <summary>What a row of Tables/register-requirements.table names.</summary>
public enum RequirementKind
{
    /// <summary>An AArch64 System register.</summary>
    Aarch64Register,

    /// <summary>An AArch32 register (every form of that name).</summary>
    Aarch32Register,

    /// <summary>A System instruction, by operation and name joined with '_' (DC_CVAP).</summary>
    SystemInstruction,
}

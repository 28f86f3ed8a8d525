namespace TrapGen.Architecture;

/// <summary>What a field of Tables/register-write-masks.table reads as on a CPU without the feature that makes it exist.</summary>
public enum FieldAbsence
{
    /// <summary>The field exists on every CPU: it is never absent.</summary>
    None,

    /// <summary>RES0: it reads as 0, and writes to it are ignored.</summary>
    Res0,

    /// <summary>RES1: it reads as all ones, and writes to it are ignored.</summary>
    Res1,
}

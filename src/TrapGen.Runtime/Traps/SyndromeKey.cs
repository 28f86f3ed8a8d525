using TrapGen.Architecture;

namespace TrapGen.Runtime.Traps;

/// <summary>Splits a syndrome into its trap class and register key (the ISS masked with the class's generated KeyMask).</summary>
public static class SyndromeKey
{
    /// <summary>Gets the trap class and key of <paramref name="esr"/>; false when it is not a system-register trap.</summary>
    public static bool TryGet(uint esr, out TrapClassKind kind, out uint key)
    {
        var iss = EsrFields.GetISS(esr);
        (var known, kind, key) = EsrFields.GetEC(esr) switch
        {
            SysRegIss.ExceptionClass => (true, TrapClassKind.Aarch64, iss & SysRegIss.KeyMask),
            Cp32Iss.ExceptionClass => (true, TrapClassKind.Cp15Register32, iss & Cp32Iss.KeyMask),
            Cp64Iss.ExceptionClass => (true, TrapClassKind.Cp15Register64, iss & Cp64Iss.KeyMask),
            _ => (false, default(TrapClassKind), 0u),
        };
        return known;
    }
}

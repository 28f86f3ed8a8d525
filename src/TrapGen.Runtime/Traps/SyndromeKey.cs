using TrapGen.Architecture;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// Splits a syndrome into its trap class and register key: the ISS masked with its class's
/// <see cref="TrapClassDescriptor.KeyMask"/> (the generated MsrIss, McrIss and McrrIss KeyMask).
/// </summary>
public static class SyndromeKey
{
    /// <summary>Gets the trap class and key of <paramref name="esr"/>; false when it is not a system-register trap.</summary>
    public static bool TryGet(uint esr, out TrapClassKind kind, out uint key)
    {
        if (TrapClassDescriptors.Find(EsrFields.GetEC(esr)) is { Kind: { } dispatched } syndrome)
        {
            kind = dispatched;
            key = EsrFields.GetISS(esr) & syndrome.KeyMask;
            return true;
        }

        kind = default;
        key = 0;
        return false;
    }
}

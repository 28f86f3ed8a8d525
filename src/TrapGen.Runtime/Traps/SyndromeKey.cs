using TrapGen.Architecture;

namespace TrapGen.Runtime.Traps;

/// <summary>Splits a syndrome into its trap class and register key: the ISS masked with its class's <see cref="TrapClass.KeyMask"/> (the generated McrIss.KeyMask and the others).</summary>
public static class SyndromeKey
{
    /// <summary>Gets the trap class and key of <paramref name="esr"/>; false when it is no trap of a class a catalogue dispatches (SMC, or an EC TrapGen does not understand).</summary>
    public static bool TryGet(uint esr, out TrapClass trapClass, out uint key)
    {
        if (TrapClasses.Find(EsrFields.GetEC(esr)) is { IsDispatchable: true } found)
        {
            trapClass = found;
            key = found.KeyOf(EsrFields.GetISS(esr));
            return true;
        }

        trapClass = null!;
        key = 0;
        return false;
    }
}

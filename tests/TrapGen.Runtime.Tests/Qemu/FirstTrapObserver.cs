using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Remembers the ESR_EL2 of the first trap since it was last cleared: the exception a probe on QEMU records, where the
/// emulated CPU's result may be a later one (lazy FP runs the instruction again after its first trap).
/// </summary>
internal sealed class FirstTrapObserver : ITrapObserver
{
    /// <summary>Gets the first trap's ESR_EL2 since <see cref="Clear"/>, or null when none was taken.</summary>
    public uint? First { get; private set; }

    /// <summary>Forgets the trap seen, before the next instruction.</summary>
    public void Clear() => First = null;

    /// <inheritdoc/>
    public void OnTrap(in TrapRecord record) => First ??= record.Esr;
}

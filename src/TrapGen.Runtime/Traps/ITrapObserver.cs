namespace TrapGen.Runtime.Traps;

/// <summary>Sees every trap after it was handled: a log, a counter, the CLI's trace printer.</summary>
public interface ITrapObserver
{
    /// <summary>Called once per trap, after the hypervisor acted; <paramref name="record"/> says what it did.</summary>
    void OnTrap(in TrapRecord record);
}

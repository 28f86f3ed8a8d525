namespace TrapGen.Architecture;

/// <summary>One register or instruction a trap control covers, as a catalogue check needs it.</summary>
/// <param name="Name">Its architectural name.</param>
/// <param name="TrapClass">The trap class its accesses report.</param>
/// <param name="Key">Its ISS key in that class.</param>
/// <param name="Encoding">Its encoding, as text for messages.</param>
/// <param name="Direction">The accesses the control traps.</param>
public sealed record CoveredAccess(string Name, TrapClass TrapClass, uint Key, string Encoding, AccessDirection Direction);

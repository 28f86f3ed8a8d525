using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>One key a trap class dispatches: a catalogued register or alias, or an access a trap group's <c>others:</c> handles.</summary>
/// <param name="Name">The key constant's name.</param>
/// <param name="Description">The encoding and what it reaches, for the constant's doc comment.</param>
/// <param name="Key">The ISS masked with the class's KeyMask.</param>
/// <param name="Other">The group-handled access, or null for a catalogued register or alias.</param>
internal sealed record DispatchEntry(string Name, string Description, uint Key, OtherAccess? Other);

namespace TrapGen.Catalogue.Architecture;

/// <summary>A syndrome field as the Arm ARM defines it, used to check the catalogue's declaration.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Lsb">Its least significant bit.</param>
/// <param name="Width">Its width in bits.</param>
public sealed record ArchitecturalField(string Name, int Lsb, int Width);

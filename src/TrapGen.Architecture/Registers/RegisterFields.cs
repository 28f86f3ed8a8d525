using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The named fields of the ID registers a hypervisor sanitises for its guest, and of MIDR_EL1,
/// MPIDR_EL1, CLIDR_EL1 and CTR_EL0 (Tables/register-fields.table): ID_AA64PFR0_EL1.SVE is bits
/// [35:32]. RES0 and RES1 bits are no field.
/// </summary>
public static partial class RegisterFields
{
    private static readonly (string Register, BitField Field, bool Signed)[] Rows = CreateAll();

    private static readonly HashSet<(string Register, string Field)> SignedFields = new(
        Rows.Where(row => row.Signed).Select(row => (row.Register.ToUpperInvariant(), row.Field.Name.ToUpperInvariant())));

    private static readonly Dictionary<string, BitField[]> ByRegister = Rows
        .GroupBy(row => row.Register, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.Select(row => row.Field).OrderBy(field => field.Lsb).ToArray(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Dictionary<string, BitField>> ByName = ByRegister
        .ToDictionary(pair => pair.Key, pair => pair.Value.ToDictionary(field => field.Name, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets every register that has a field layout, in table order (by encoding).</summary>
    public static IReadOnlyList<string> Registers { get; } = [.. Rows.Select(row => row.Register).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the fields of the AArch64 register <paramref name="aarch64Name"/> (such as <c>ID_AA64PFR0_EL1</c>, ignoring case), in lsb order; empty when the table has none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="aarch64Name"/> is null.</exception>
    public static IReadOnlyList<BitField> Of(string aarch64Name)
    {
        if (aarch64Name is null)
        {
            throw new ArgumentNullException(nameof(aarch64Name));
        }

        return ByRegister.TryGetValue(aarch64Name, out var fields) ? fields : [];
    }

    /// <summary>Finds the field named <paramref name="fieldName"/> (ignoring case) of register <paramref name="aarch64Name"/>, or null when either is unknown.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="aarch64Name"/> or <paramref name="fieldName"/> is null.</exception>
    public static BitField? Find(string aarch64Name, string fieldName)
    {
        if (aarch64Name is null)
        {
            throw new ArgumentNullException(nameof(aarch64Name));
        }

        if (fieldName is null)
        {
            throw new ArgumentNullException(nameof(fieldName));
        }

        return ByName.TryGetValue(aarch64Name, out var fields) && fields.TryGetValue(fieldName, out var field) ? field : null;
    }

    /// <summary>
    /// Gets whether the Arm ARM defines field <paramref name="fieldName"/> of <paramref name="aarch64Name"/> (ignoring case)
    /// as a signed ID field, whose all-ones value means "not implemented" (ID_AA64PFR0_EL1.FP); false for an unsigned one
    /// and for a field the table lacks.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="aarch64Name"/> or <paramref name="fieldName"/> is null.</exception>
    public static bool IsSigned(string aarch64Name, string fieldName) =>
        SignedFields.Contains(((aarch64Name ?? throw new ArgumentNullException(nameof(aarch64Name))).ToUpperInvariant(), (fieldName ?? throw new ArgumentNullException(nameof(fieldName))).ToUpperInvariant()));
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Tables/register-write-masks.table: for the EL1 registers a guest writes and a trapping hypervisor writes
/// through, each field with the feature that makes it exist and what it reads as without it. Generated at
/// build time (<c>All</c>); this part adds the lookups. <see cref="CpuModel.WriteMaskOf"/> turns a register's
/// rows into one model's <see cref="WriteMask"/>.
/// </summary>
public static partial class WriteMasks
{
    /// <summary>Gets every row, in table order.</summary>
    public static IReadOnlyList<WriteMaskRow> All { get; } = CreateAll();

    private static readonly ILookup<string, WriteMaskRow> ByRegister = All.ToLookup(r => r.Register, StringComparer.Ordinal);

    /// <summary>Gets the registers the table describes, in table order.</summary>
    public static IReadOnlyList<string> Registers { get; } = [.. All.Select(r => r.Register).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the fields of <paramref name="register"/>; empty for a register the table does not describe (which keeps every bit).</summary>
    public static IReadOnlyList<WriteMaskRow> Of(string register) => [.. ByRegister[register ?? string.Empty]];

    /// <summary>
    /// Gets what a write to <paramref name="register"/> keeps on a CPU where <paramref name="holds"/> says which
    /// conditions hold: the bits of every field that exists are writable, an absent RES1 field's bits read as 1,
    /// and every other bit as 0. <see cref="WriteMask.All"/> for a register the table does not describe.
    /// </summary>
    public static WriteMask For(string register, Func<string?, bool> holds)
    {
        if (holds is null)
        {
            throw new ArgumentNullException(nameof(holds));
        }

        var rows = ByRegister[register ?? string.Empty];
        if (!rows.Any())
        {
            return WriteMask.All;
        }

        ulong writable = 0, ones = 0;
        foreach (var row in rows)
        {
            if (holds(row.Condition))
            {
                writable |= row.Field.Mask;
            }
            else if (row.Absence == FieldAbsence.Res1)
            {
                ones |= row.Field.Mask;
            }
        }

        return new WriteMask(writable, ones);
    }
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// What a catalogue entry takes from the architecture when it leaves something out: a register's
/// encoding, width, access and AArch32 aliases (of every coprocessor: cp15 System registers, cp14 debug
/// registers, cp10 floating-point ID registers), an alias's coordinates and view, and the forms of a
/// register AArch32 alone has.
/// </summary>
internal static class ArchitecturalDefaults
{
    /// <summary>The architecture's register of that name (or other name), unless the entry is IMPLEMENTATION DEFINED.</summary>
    public static Aarch64Register? Register(string? name, bool implementationDefined) =>
        name is not null && !implementationDefined && Aarch64Registers.TryFind(name, out var register) ? register : null;

    /// <summary>The AArch32 rows the architecture gives <paramref name="name"/>: one, or two for a register with two forms (MCR and MCRR, or MCR and LDC/STC).</summary>
    public static IReadOnlyList<Aarch32Register> Aarch32Rows(string name) => Aarch32Registers.Named(name);

    /// <summary>The row called <paramref name="name"/> in <paramref name="form"/>, or null.</summary>
    public static Aarch32Register? Aarch32Row(string name, AccessForm form) =>
        Aarch32Rows(name).FirstOrDefault(r => r.Encoding.Form == form);

    /// <summary>
    /// The rows of a register AArch32 alone has, called <paramref name="name"/>: no AArch64 register backs it
    /// and it is no System instruction (JIDR, FPSID, DBGDIDR); none for any other name.
    /// </summary>
    public static IReadOnlyList<Aarch32Register> Aarch32OnlyRows(string? name) =>
        name is null ? [] : [.. Aarch32Registers.Named(name).Where(r => r.IsAarch32Only && string.Equals(r.Name, name, System.StringComparison.OrdinalIgnoreCase))];

    /// <summary>The width of a register AArch32 alone has: 64 when it has an MCRR form, else 32.</summary>
    public static int WidthOf(IReadOnlyList<Aarch32Register> rows) => rows.Any(r => r.Encoding.Form == AccessForm.Mcrr) ? 64 : 32;

    /// <summary>
    /// The forms of a register AArch32 alone has, as its aliases: each whole, except a 32-bit form of a register
    /// that also has a 64-bit one, which is its low half (DBGDSAR).
    /// </summary>
    public static EquatableArray<AliasDefinition> OwnForms(IReadOnlyList<Aarch32Register> rows, int width, EquatableArray<TrapMembership> traps, SourceSpan span) =>
        rows.Select(row => Alias(row, row.Name, traps, span) with
        {
            View = width == 64 && row.Encoding.AccessWidth == 32 ? RegisterView.Lo : RegisterView.Whole,
        }).ToEquatableArray();

    /// <summary>
    /// The AArch32 aliases of a register that lists none: every AArch32 register the architecture maps onto
    /// it that EL1 can access, with the architecture's view, trapped as the register is.
    /// </summary>
    public static EquatableArray<AliasDefinition> Aliases(Aarch64Register? register, EquatableArray<TrapMembership> traps, SourceSpan span) =>
        register is null
            ? EquatableArray<AliasDefinition>.Empty
            : GuestViews(register).Select(row => Alias(row, row.Name, traps, span)).ToEquatableArray();

    /// <summary>An alias exactly as the architecture defines <paramref name="row"/>.</summary>
    public static AliasDefinition Alias(Aarch32Register row, string name, EquatableArray<TrapMembership> traps, SourceSpan span) =>
        new(name, row.OtherNames.ToEquatableArray(), row.Encoding, row.View, traps, span, span, span);

    /// <summary>
    /// Whether a register only holds an AArch32 guest's state: EL2 state (DACR32_EL2, IFSR32_EL2) that
    /// EL1 reaches through its AArch32 names alone.
    /// </summary>
    public static bool HoldsGuestAarch32State(Aarch64Register? register) =>
        register is { IsGuestAccessible: false } && GuestViews(register).Any();

    private static IEnumerable<Aarch32Register> GuestViews(Aarch64Register register) =>
        Aarch32Registers.MappedOnto(register.Name).Where(r => r.IsGuestAccessible);
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// What a catalogue entry takes from the architecture when it leaves something out: a register's
/// encoding, width, access and AArch32 aliases, an alias's coordinates and view.
/// </summary>
internal static class ArchitecturalDefaults
{
    /// <summary>The architecture's register of that name (or other name), unless the entry is IMPLEMENTATION DEFINED.</summary>
    public static Aarch64Register? Register(string? name, bool implementationDefined) =>
        name is not null && !implementationDefined && Aarch64Registers.TryFind(name, out var register) ? register : null;

    /// <summary>The cp15 rows the architecture gives <paramref name="name"/>: one, or two for a register with MCR and MCRR forms.</summary>
    public static IReadOnlyList<Aarch32Register> Aarch32Rows(string name) =>
        [.. Aarch32Registers.Named(name).Where(r => r.Coprocessor == Aarch32Constants.Cp15)];

    /// <summary>The cp15 row called <paramref name="name"/> in <paramref name="form"/>, or null.</summary>
    public static Aarch32Register? Aarch32Row(string name, TrapClassKind form) =>
        Aarch32Rows(name).FirstOrDefault(r => r.Encoding.Form == form);

    /// <summary>
    /// The AArch32 aliases of a register that lists none: every cp15 register the architecture maps onto
    /// it that EL1 can access, with the architecture's view, trapped as the register is.
    /// </summary>
    public static EquatableArray<AliasDefinition> Aliases(Aarch64Register? register, EquatableArray<TrapMembership> traps, SourceSpan span) =>
        register is null
            ? EquatableArray<AliasDefinition>.Empty
            : GuestViews(register).Select(row => Alias(row, row.Name, traps, span)).ToEquatableArray();

    /// <summary>An alias exactly as the architecture defines <paramref name="row"/>.</summary>
    public static AliasDefinition Alias(Aarch32Register row, string name, EquatableArray<TrapMembership> traps, SourceSpan span) =>
        new(name, row.OtherNames.ToEquatableArray(), row.Encoding, ViewOf(row.View), traps, span, span, span);

    /// <summary>
    /// Whether a register only holds an AArch32 guest's state: EL2 state (DACR32_EL2, IFSR32_EL2) that
    /// EL1 reaches through its AArch32 names alone.
    /// </summary>
    public static bool HoldsGuestAarch32State(Aarch64Register? register) =>
        register is { IsGuestAccessible: false } && GuestViews(register).Any();

    /// <summary>The catalogue's view for an architectural one.</summary>
    public static RegisterView ViewOf(Aarch32View view) => view switch
    {
        Aarch32View.Lo => RegisterView.Lo,
        Aarch32View.Hi => RegisterView.Hi,
        _ => RegisterView.Whole,
    };

    private static IEnumerable<Aarch32Register> GuestViews(Aarch64Register register) =>
        Aarch32Registers.MappedOnto(register.Name).Where(r => r.Coprocessor == Aarch32Constants.Cp15 && r.IsGuestAccessible);
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Tables/register-requirements.table: what each register and System instruction needs to be present, as
/// the Arm ARM's "This register is present only when FEAT_X is implemented" says. Generated at build time
/// (<c>All</c>); this part adds the lookups. What no row names is present on every Armv8.0 CPU.
/// </summary>
public static partial class Requirements
{
    /// <summary>Gets every row, in table order.</summary>
    public static IReadOnlyList<RequirementRow> All { get; } = CreateAll();

    private static readonly Dictionary<(RequirementKind, string), string> ByName =
        All.GroupBy(r => (r.Kind, r.Name)).ToDictionary(g => g.Key, g => g.First().Condition);

    /// <summary>Gets the condition of <paramref name="register"/>, or null when every CPU has it.</summary>
    public static string? Of(Aarch64Register register) => Find(RequirementKind.Aarch64Register, (register ?? throw new ArgumentNullException(nameof(register))).Name);

    /// <summary>Gets the condition of <paramref name="register"/>, or null when every CPU with AArch32 at EL1 has it.</summary>
    public static string? Of(Aarch32Register register) => Find(RequirementKind.Aarch32Register, (register ?? throw new ArgumentNullException(nameof(register))).Name);

    /// <summary>Gets the condition of <paramref name="instruction"/>, or null when every CPU has it.</summary>
    public static string? Of(SystemInstruction instruction) =>
        Find(RequirementKind.SystemInstruction, (instruction ?? throw new ArgumentNullException(nameof(instruction))).FullName.Replace(' ', '_'));

    private static string? Find(RequirementKind kind, string name) => ByName.TryGetValue((kind, name), out var condition) ? condition : null;
}

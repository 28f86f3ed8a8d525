using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>A syndrome or instruction layout: its named fields, most significant first (a section of Tables/layouts.table).</summary>
/// <param name="Name">The section's name, such as <c>MsrMrsIss</c>.</param>
/// <param name="ExceptionClassOrNone">The exception class that reports it, or -1 for instruction layouts and ESR itself.</param>
/// <param name="Description">What it is.</param>
/// <param name="Fields">Every field, most significant first.</param>
public sealed record BitLayout(string Name, int ExceptionClassOrNone, string Description, IReadOnlyList<BitField> Fields)
{
    /// <summary>Gets the field called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The layout has no such field.</exception>
    public BitField Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException("No field " + name + " in " + Name, nameof(name));

    /// <summary>Gets the field called <paramref name="name"/>, or null.</summary>
    public BitField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

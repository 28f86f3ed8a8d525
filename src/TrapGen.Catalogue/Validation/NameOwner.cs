using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The entry that holds a name first, as TG0007 names it when another entry takes the name: the case of
/// the rule (a register, an alias, another hook) and the arguments that describe the holder.
/// </summary>
/// <param name="rule">The TG0007 case that names the holder.</param>
/// <param name="holder">The holder's arguments, after the name.</param>
internal sealed class NameOwner(DiagnosticRule rule, params string[] holder)
{
    /// <summary>Reports that the entry at <paramref name="span"/> takes <paramref name="name"/> again.</summary>
    public void Report(DiagnosticBag diagnostics, SourceSpan span, string name) => diagnostics.Report(rule, span, [name, .. holder]);
}

using System.Linq;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Every name that becomes a C# identifier is one (TG0008): trap groups, hooks, emulators, registers, aliases and instructions. A
/// trap group's qualified control name (MDCR_EL2.TDA) becomes no identifier: the parser resolves it, or reports it (TG0038).
/// </summary>
internal sealed class IdentifierValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        var names = catalogue.TrapGroups.Where(g => g.Name.IndexOf('.') < 0).Select(g => (g.Name, g.Span))
            .Concat(catalogue.Hooks.Select(h => (h.Name, h.Span)))
            .Concat(catalogue.Emulators.Select(e => (e.Name, e.Span)))
            .Concat(catalogue.Registers.Select(r => (r.Name, r.Span)))
            .Concat(catalogue.Registers.SelectMany(r => r.Aliases).Select(a => (a.Name, a.Span)))
            .Concat(catalogue.Instructions.Select(i => (i.Identifier, i.Span)));
        foreach (var (name, span) in names)
        {
            if (!CSharpIdentifier.IsValid(name))
            {
                diagnostics.Report(CatalogueRules.InvalidIdentifier, span, name);
            }
        }
    }
}

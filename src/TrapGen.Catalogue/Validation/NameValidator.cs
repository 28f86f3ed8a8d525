using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Unique names (TG0007): a register's names among the AArch64 names, an alias's among the aliases of its
/// trap class and apart from the AArch64 names, and trap groups, hooks and emulators each among their kind.
/// A register AArch32 alone has (JIDR) is named by its one form, which is no second claim of the name.
/// </summary>
internal sealed class NameValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        var aarch64 = new Dictionary<string, NameOwner>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var register in catalogue.Registers)
        {
            var owner = new NameOwner(CatalogueRules.NameOfRegister, register.Name);
            Claim(aarch64, register.Name, owner, register.Span);
            foreach (var other in register.OtherNames)
            {
                Claim(aarch64, other, owner, register.Span);
            }
        }

        foreach (var byClass in CatalogueAliases.Of(catalogue).GroupBy(a => a.Alias.Class))
        {
            var aarch32 = new Dictionary<string, NameOwner>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (register, alias) in byClass)
            {
                var owner = new NameOwner(CatalogueRules.NameOfAlias, alias.Encoding.FormName, alias.Name, register.Name);
                var ownForm = register.IsAarch32Only && string.Equals(alias.Name, register.Name, System.StringComparison.OrdinalIgnoreCase);
                if (!ownForm && aarch64.TryGetValue(alias.Name, out var register64))
                {
                    register64.Report(diagnostics, alias.Span, alias.Name);
                }

                Claim(aarch32, alias.Name, owner, alias.Span);
                foreach (var other in alias.OtherNames)
                {
                    Claim(aarch32, other, owner, alias.Span);
                }
            }
        }

        ValidateUnique(catalogue.TrapGroups.Select(g => (g.Name, g.Span)), "trap group");
        ValidateUnique(catalogue.Hooks.Select(h => (h.Name, h.Span)), "hook");
        ValidateUnique(catalogue.Emulators.Select(e => (e.Name, e.Span)), "emulator");
    }

    private void Claim(Dictionary<string, NameOwner> claimed, string name, NameOwner owner, SourceSpan span)
    {
        if (claimed.TryGetValue(name, out var previous))
        {
            previous.Report(diagnostics, span, name);
            return;
        }

        claimed[name] = owner;
    }

    private void ValidateUnique(IEnumerable<(string Name, SourceSpan Span)> entries, string kind)
    {
        var claimed = new Dictionary<string, NameOwner>(System.StringComparer.Ordinal);
        foreach (var (name, span) in entries)
        {
            Claim(claimed, name, new NameOwner(CatalogueRules.NameOfAnother, kind), span);
        }
    }
}

using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The case of TG0030 for a name that is no System instruction: a register, an AArch32 register, or
/// nothing the architecture has (with the closest instruction, if one is close). The wordings are the
/// rules' (<see cref="CatalogueRules"/>).
/// </summary>
internal static class InstructionMessages
{
    /// <summary>TG0030 for a name that is no System instruction.</summary>
    public static DiagnosticMessage Unknown(string name)
    {
        if (Aarch64Registers.TryFind(name, out var register))
        {
            return new(CatalogueRules.RegisterNotInstruction, register.Name);
        }

        var rows = Aarch32Registers.Named(name);
        if (rows.Count > 0)
        {
            var row = rows[0];
            return row.MapsTo is { } mapsTo
                ? new(CatalogueRules.Aarch32RegisterNotInstruction, row.Name, mapsTo)
                : new(CatalogueRules.UnmappedAarch32RegisterNotInstruction, row.Name);
        }

        var candidates = SystemInstructions.All.Select(i => i.FullName).Concat(Aarch32Registers.All.Where(r => r.IsSystemInstruction).Select(r => r.Name));
        return DiagnosticMessage.Suggesting(ClosestName.Find(name, candidates), CatalogueRules.UnknownInstructionName, CatalogueRules.UnknownInstructionNameSuggesting, name);
    }
}

using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Validation;

/// <summary>A register or alias of the catalogue as the dispatch reaches it: its trap class, key and memberships.</summary>
/// <param name="Name">The register's or alias's name.</param>
/// <param name="Owner">How messages name it: <c>FAR_EL1</c>, or <c>DFAR (MCR)</c> for an alias.</param>
/// <param name="Class">The trap class its accesses report.</param>
/// <param name="Key">Its ISS key in that class.</param>
/// <param name="Traps">Its trap group memberships.</param>
/// <param name="Span">Where it is declared.</param>
internal sealed record ListedAccess(string Name, string Owner, TrapClass Class, uint Key, IReadOnlyList<TrapMembership> Traps, SourceSpan Span)
{
    /// <summary>Every register (unless only its AArch32 views are dispatched), every alias and every System instruction, in catalogue order.</summary>
    public static IEnumerable<ListedAccess> All(RegisterCatalogue catalogue)
    {
        foreach (var register in catalogue.Registers)
        {
            if (register.IsAarch64Dispatched)
            {
                yield return new ListedAccess(register.Name, register.Name, TrapClasses.Msr, register.Encoding!.Key, register.Traps, register.Span);
            }

            foreach (var alias in register.Aliases)
            {
                yield return new ListedAccess(
                    alias.Name, alias.Name + " (" + alias.Encoding.FormName + ")", alias.Class, alias.Encoding.Key, alias.Traps, alias.Span);
            }
        }

        foreach (var instruction in catalogue.Instructions)
        {
            yield return new ListedAccess(instruction.Identifier, instruction.Name, instruction.TrapClass, instruction.Key, instruction.Traps, instruction.Span);
        }
    }
}

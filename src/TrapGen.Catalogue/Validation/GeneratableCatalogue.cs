using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// What code can still be generated from a catalogue with errors: every entry an error points into is
/// left out, and what is left is validated again until it is clean. The build still fails on the
/// reported errors, but the user sees those alone, not the C# errors that missing generated types
/// would add. Only errors that belong to no entry stop generation.
/// </summary>
internal static class GeneratableCatalogue
{
    /// <summary>Rounds of leaving out and validating again; a hook left out drops its registers in the next.</summary>
    private const int MaxRounds = 4;

    /// <summary>
    /// Gets the catalogue less every entry with an error, or null when an error belongs to no entry.
    /// Diagnostics of the rounds are not reported: the user has the first ones.
    /// </summary>
    public static RegisterCatalogue? Of(RegisterCatalogue catalogue)
    {
        var current = catalogue;
        for (var round = 0; round < MaxRounds; round++)
        {
            var errors = ErrorsOf(current);
            if (errors.Count == 0)
            {
                return current;
            }

            var pruned = WithoutEntriesAt(current, errors, out var outsideEntries);
            if (outsideEntries)
            {
                return null;
            }

            if (pruned == current)
            {
                // Every error is one a trap group carries (TG0018's wrong bit): the code is still sound.
                return current;
            }

            current = pruned;
        }

        return ErrorsOf(current).Count == 0 ? current : null;
    }

    /// <summary>
    /// Validates again with no diagnostic limit. Completeness (TG0017) and "not used" (TG0019) are left
    /// out: neither makes generated code wrong.
    /// </summary>
    private static List<CatalogueDiagnostic> ErrorsOf(RegisterCatalogue catalogue)
    {
        var bag = new DiagnosticBag(int.MaxValue, new SourceSpan(int.MaxValue, int.MaxValue, int.MaxValue, 0, int.MaxValue, 0));
        new CatalogueValidator(bag).Validate(catalogue, parsedCompletely: false);
        return bag.ToEquatableArray().Where(d => d.IsError).ToList();
    }

    private static RegisterCatalogue WithoutEntriesAt(RegisterCatalogue catalogue, IReadOnlyList<CatalogueDiagnostic> errors, out bool outsideEntries)
    {
        var at = new HashSet<(int, int)>(errors.Select(e => Offsets(e.Span)));
        var matched = new HashSet<(int, int)>();
        bool Hit(SourceSpan span)
        {
            if (!at.Contains(Offsets(span)))
            {
                return false;
            }

            matched.Add(Offsets(span));
            return true;
        }

        // Every span is looked at, not just up to the first hit: each error must be found in some entry.
        bool HitsAny(IEnumerable<SourceSpan> spans)
        {
            var any = false;
            foreach (var span in spans)
            {
                any |= Hit(span);
            }

            return any;
        }

        var hit = catalogue.Registers.ToLookup(r => HitsAny(SpansOf(r)));
        var registers = hit[false].ToEquatableArray();
        var instructions = catalogue.Instructions.Where(i => !HitsAny(SpansOf(i))).ToEquatableArray();
        var hooks = catalogue.Hooks.Where(h => !Hit(h.Span)).ToEquatableArray();
        var emulators = catalogue.Emulators.Where(e => !Hit(e.Span)).ToEquatableArray();

        // A group is left out only when it cannot become a flag (a duplicate or invalid name); its wrong bit is kept.
        var groups = catalogue.TrapGroups.Where(g => !Unusable(g, errors)).ToEquatableArray();
        foreach (var group in catalogue.TrapGroups)
        {
            Hit(group.Span);
            Hit(group.BitSpan);
            Hit(group.OthersSpan);
        }

        outsideEntries = !at.IsSubsetOf(matched);
        var leftOut = catalogue.LeftOut.Concat(hit[true]).ToEquatableArray();
        var pruned = catalogue with { Registers = registers, Hooks = hooks, Emulators = emulators, TrapGroups = groups, Instructions = instructions, LeftOut = leftOut };
        return pruned == catalogue ? catalogue : pruned;
    }

    private static (int Start, int End) Offsets(SourceSpan span) => (span.StartOffset, span.EndOffset);

    private static bool Unusable(TrapGroup group, IEnumerable<CatalogueDiagnostic> errors) =>
        errors.Any(e => e.Span == group.Span && (e.Rule == CatalogueRules.DuplicateName || e.Rule == CatalogueRules.InvalidIdentifier));

    /// <summary>Every span the validator may report an instruction at.</summary>
    private static IEnumerable<SourceSpan> SpansOf(InstructionDefinition instruction)
    {
        yield return instruction.Span;
        yield return instruction.HandlingSpan;
        yield return instruction.HookSpan;
        foreach (var membership in instruction.Traps)
        {
            yield return membership.Span;
        }
    }

    /// <summary>Every span the validator may report a register at: its own, its memberships' and its aliases'.</summary>
    private static IEnumerable<SourceSpan> SpansOf(RegisterDefinition register)
    {
        yield return register.Span;
        yield return register.EncodingSpan;
        yield return register.WidthSpan;
        yield return register.AccessSpan;
        yield return register.OtherNamesSpan;
        yield return register.HandlingSpan;
        yield return register.EmulatorSpan;
        yield return register.AfterWriteSpan;
        yield return register.ValueSpan;
        yield return register.FieldsSpan;
        foreach (var field in register.Fields)
        {
            yield return field.Span;
            yield return field.ValueSpan;
        }
        foreach (var membership in register.Traps)
        {
            yield return membership.Span;
        }

        foreach (var alias in register.Aliases)
        {
            yield return alias.Span;
            yield return alias.EncodingSpan;
            yield return alias.ViewSpan;
            foreach (var membership in alias.Traps)
            {
                yield return membership.Span;
            }
        }
    }
}

using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Diagnostics.MessageArgument;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// A sanitised register's <c>fields:</c> (TG0031, TG0032): only with handling: sanitised, each field one
/// the register has (the architecture's table) or one declared with its bits, inside the register and
/// apart from the others, and each value small enough for its field.
/// </summary>
internal sealed class FieldOverrideValidator(DiagnosticBag diagnostics)
{
    public void Validate(RegisterCatalogue catalogue)
    {
        foreach (var register in catalogue.Registers)
        {
            if (register.Handling == RegisterHandling.Sanitised && !register.IsReadable)
            {
                diagnostics.Report(CatalogueRules.SanitisedWriteOnly, register.HandlingSpan, register.Name);
            }

            if (register.Fields.Count == 0)
            {
                continue;
            }

            if (register.Handling != RegisterHandling.Sanitised)
            {
                diagnostics.Report(CatalogueRules.FieldsWithoutSanitised, register.FieldsSpan, register.Name, CatalogueSpelling.Of(register.Handling));
                continue;
            }

            for (var i = 0; i < register.Fields.Count; i++)
            {
                var entry = register.Fields[i];
                if (Problem(register, entry) is { } problem)
                {
                    diagnostics.Report(entry.Field is null ? entry.Span : entry.ValueSpan, problem);
                    continue;
                }

                var field = entry.Field!;
                if (register.Fields.Take(i).FirstOrDefault(other => other.Field is { } bits && bits.Overlaps(field)) is { } overlapped)
                {
                    diagnostics.Report(
                        CatalogueRules.FieldsOverlap, entry.Span, register.Name, field.Name, field.BitRange, overlapped.Name, overlapped.Field!.BitRange);
                }
            }
        }
    }

    /// <summary>The case of TG0032 that <paramref name="entry"/> breaks, if any, but an overlap.</summary>
    private static DiagnosticMessage? Problem(RegisterDefinition register, FieldOverride entry)
    {
        var architectural = RegisterFields.Find(register.Name, entry.Name);
        if (entry.Field is not { } field)
        {
            var known = RegisterFields.Of(register.Name);
            if (known.Count == 0)
            {
                return new(CatalogueRules.NoFieldTable, register.Name, entry.Name, FieldValue(entry.Value));
            }

            return DiagnosticMessage.Suggesting(
                ClosestName.Find(entry.Name, known.Select(f => f.Name)), CatalogueRules.UnknownField, CatalogueRules.UnknownFieldSuggesting,
                register.Name, entry.Name, string.Join(", ", known.Select(f => f.Name + " [" + f.BitRange + "]")), FieldValue(entry.Value));
        }

        if (entry.Declared && architectural is not null && (architectural.Lsb != field.Lsb || architectural.Width != field.Width))
        {
            return new(
                CatalogueRules.FieldBitsDiffer,
                register.Name, architectural.Name, architectural.BitRange, Decimal(field.Lsb), Decimal(field.Width), field.BitRange, FieldValue(entry.Value));
        }

        if (field.Msb >= register.Width)
        {
            return new(CatalogueRules.FieldOutsideRegister, register.Name, field.Name, field.BitRange, Decimal(register.Width), Decimal(register.Width - 1));
        }

        if (entry.Value > field.MaxValue)
        {
            return new(CatalogueRules.FieldValueTooWide, FieldValue(entry.Value), register.Name, field.Name, field.BitRange, Decimal(field.Width), FieldValue(field.MaxValue));
        }

        return null;
    }
}

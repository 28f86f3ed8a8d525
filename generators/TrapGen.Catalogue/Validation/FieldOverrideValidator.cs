using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

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
                    diagnostics.Report(CatalogueRules.InvalidFieldOverride, entry.Field is null ? entry.Span : entry.ValueSpan, problem);
                    continue;
                }

                var field = entry.Field!;
                if (register.Fields.Take(i).FirstOrDefault(other => other.Field is { } bits && bits.Overlaps(field)) is { } overlapped)
                {
                    diagnostics.Report(
                        CatalogueRules.InvalidFieldOverride, entry.Span,
                        Format("{0}.{1} [{2}] overlaps {3} [{4}]: give each bit one value", register.Name, field.Name, field.BitRange, overlapped.Name, overlapped.Field!.BitRange));
                }
            }
        }
    }

    private static string? Problem(RegisterDefinition register, FieldOverride entry)
    {
        var architectural = RegisterFields.Find(register.Name, entry.Name);
        if (entry.Field is not { } field)
        {
            var known = RegisterFields.Of(register.Name);
            if (known.Count == 0)
            {
                return Format(
                    "The architecture's field table has no fields for {0}: declare the field's bits, {1}: {{ lsb: <bit>, width: <bits>, value: {2} }}",
                    register.Name, entry.Name, Hex(entry.Value));
            }

            var suggestion = ClosestName.Find(entry.Name, known.Select(f => f.Name));
            return Format(
                "{0} has no field named {1}{2} (its fields: {3}); for a field the architecture's table lacks, declare its bits: {1}: {{ lsb: <bit>, width: <bits>, value: {4} }}",
                register.Name, entry.Name, suggestion is null ? string.Empty : Format("; did you mean {0}?", suggestion),
                string.Join(", ", known.Select(f => f.Name + " [" + f.BitRange + "]")), Hex(entry.Value));
        }

        if (entry.Declared && architectural is not null && (architectural.Lsb != field.Lsb || architectural.Width != field.Width))
        {
            return Format(
                "{0}.{1} is bits [{2}] in the architecture, but lsb: {3}, width: {4} ([{5}]) is declared: write {1}: {6}, taking its bits from the architecture",
                register.Name, architectural.Name, architectural.BitRange, field.Lsb, field.Width, field.BitRange, Hex(entry.Value));
        }

        if (field.Msb >= register.Width)
        {
            return Format("{0}.{1} [{2}] lies outside the {3}-bit register; its bits must be within [{4}:0]", register.Name, field.Name, field.BitRange, register.Width, register.Width - 1);
        }

        if (entry.Value > field.MaxValue)
        {
            return Format(
                "{0} does not fit {1}.{2} [{3}], a {4}-bit field (at most {5}): give a value the field can hold",
                Hex(entry.Value), register.Name, field.Name, field.BitRange, field.Width, Hex(field.MaxValue));
        }

        return null;
    }

    private static string Hex(ulong value) => value < 10 ? value.ToString(CultureInfo.InvariantCulture) : "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}

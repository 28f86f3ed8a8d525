using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The <c>syndrome:</c> layouts against the architecture: each class's EC (TG0018), and each field
/// inside its container (TG0012), apart from the others (TG0011) and where the Arm ARM puts it (TG0013).
/// </summary>
internal sealed class SyndromeLayoutValidator(DiagnosticBag diagnostics)
{
    public void Validate(SyndromeLayouts syndrome)
    {
        ValidateFields("syndrome.esr", syndrome.EsrFields, syndrome.EsrFieldSpans, syndrome.EsrWidth, Layouts.Esr.Layout);
        var iss = syndrome.EsrFields.FirstOrDefault(f => f.Name == SyndromeLayouts.ISS);
        foreach (var layout in syndrome.Classes)
        {
            var name = "syndrome." + CatalogueSpelling.Of(layout.Kind);
            var expectedEc = TrapClasses.ExceptionClass(layout.Kind);
            if (layout.ExceptionClass != expectedEc)
            {
                diagnostics.Report(
                    CatalogueRules.ExceptionClassDiffers, layout.Span, name, layout.ExceptionClass.ToString("X2", CultureInfo.InvariantCulture),
                    TrapClasses.Instructions(layout.Kind), expectedEc.ToString("X2", CultureInfo.InvariantCulture));
            }

            ValidateFields(name, layout.Fields, layout.FieldSpans, iss?.Width ?? Layouts.Esr.ISS.Width, TrapClasses.Iss(layout.Kind));
        }
    }

    private void ValidateFields(string layoutName, EquatableArray<BitField> fields, EquatableArray<SourceSpan> spans, int containerWidth, BitLayout architecture)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var span = spans[i];
            if (field.Msb >= containerWidth)
            {
                diagnostics.Report(
                    CatalogueRules.FieldOutsideContainer, span, field.Name, field.BitRange, layoutName,
                    containerWidth.ToString(CultureInfo.InvariantCulture), (containerWidth - 1).ToString(CultureInfo.InvariantCulture));
            }

            for (var j = 0; j < i; j++)
            {
                if (field.Overlaps(fields[j]))
                {
                    var common = field.Mask & fields[j].Mask;
                    diagnostics.Report(
                        CatalogueRules.OverlappingFields, span, field.Name, field.BitRange, layoutName, fields[j].Name,
                        fields[j].BitRange, BitField.FormatMask(common, containerWidth));
                }
            }

            if (architecture.FindField(field.Name) is { } expected && expected != field)
            {
                diagnostics.Report(
                    CatalogueRules.FieldDiffersFromArchitecture, span, field.Name, layoutName, field.BitRange,
                    BitField.FormatMask(field.Mask, 32), expected.BitRange, BitField.FormatMask(expected.Mask, 32),
                    expected.Lsb.ToString(CultureInfo.InvariantCulture), expected.Width.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}

using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The checks that span entries, one rule family a validator: names as identifiers, unique names and encodings, alias views, references to hooks and emulators, System
/// instructions, sanitised fields, trap groups against HCR_EL2's facts, every entry against the
/// architecture's tables, and against the CPU models the catalogue names.
/// </summary>
internal sealed class CatalogueValidator(DiagnosticBag diagnostics)
{
    /// <summary>Runs every check. Completeness against the architecture needs the whole catalogue, so it
    /// is skipped when the parser already had to drop entries (it would only repeat those errors).</summary>
    public void Validate(RegisterCatalogue catalogue, bool parsedCompletely)
    {
        new IdentifierValidator(diagnostics).Validate(catalogue);
        new NameValidator(diagnostics).Validate(catalogue);
        new EncodingValidator(diagnostics).Validate(catalogue);
        new ViewValidator(diagnostics).Validate(catalogue);
        new HandlerValidator(diagnostics).Validate(catalogue, parsedCompletely);
        new InstructionValidator(diagnostics).Validate(catalogue);
        new FieldOverrideValidator(diagnostics).Validate(catalogue);
        new TrapGroupValidator(diagnostics).Validate(catalogue, parsedCompletely);
        new ArchitectureValidator(diagnostics).Validate(catalogue);
        if (CpuModelsOf.Catalogue(catalogue) is { Count: > 0 } models)
        {
            new CpuPresenceValidator(diagnostics).Validate(catalogue, models);
            new CpuFieldValidator(diagnostics).Validate(catalogue, models);
            new CpuControlValidator(diagnostics).Validate(catalogue, models);
        }
    }
}

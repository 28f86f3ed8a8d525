using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Emit;
using TrapGen.Generators.Pipeline;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators;

/// <summary>
/// Generates syndrome layouts, register keys, the registry, the register file and the trap dispatch
/// from every <c>registers.yaml</c> AdditionalFile. Only wires the pipeline: parsing and validation
/// live in TrapGen.Catalogue, every decision about the generated code in <see cref="EmitSpecBuilder"/>,
/// and the formatting of that spec in <see cref="CatalogueEmitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RegisterCatalogueGenerator : IIncrementalGenerator
{
    /// <summary>TrapGen's version, written into <c>[GeneratedCode]</c>.</summary>
    public static readonly string Version = typeof(RegisterCatalogueGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var texts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => CatalogueFiles.IsCatalogue(pair.Left.Path, GeneratorOptions.Metadata(pair.Right.GetOptions(pair.Left), CatalogueFiles.MetadataKey)))
            .Select(static (pair, cancellationToken) => new CatalogueText(pair.Left.Path, CatalogueDecoding.TextOf(pair.Left.GetText(cancellationToken))))
            .WithTrackingName(TrackingNames.CatalogueText);

        // No catalogue at all is TG0028, naming the YAML files that are there; a second one is TG0029.
        var search = texts.Select(static (text, _) => text.Path).Collect()
            .Combine(context.AdditionalTextsProvider.Where(static file => CatalogueFiles.IsYaml(file.Path)).Select(static (file, _) => Path.GetFileName(file.Path)).Collect())
            .Select(static (pair, _) => new CatalogueSearch(pair.Left.Sort(StringComparer.Ordinal).ToEquatableArray(), pair.Right.Sort(StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.CatalogueSearch);
        context.RegisterSourceOutput(search, static (production, found) =>
        {
            if (found.First is not { } first)
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticConverter.DescriptorOf(CatalogueRules.NoCatalogue), Location.None, found.Hint));
                return;
            }

            foreach (var second in found.Catalogues.Skip(1))
            {
                var arguments = new EquatableArray<string>([Path.GetFileName(second), Path.GetFileName(first)]);
                production.ReportDiagnostic(DiagnosticConverter.ToDiagnostic(new CatalogueDiagnostic(CatalogueRules.SecondCatalogue, SourceSpan.FileStart, arguments), second));
            }
        });

        var limits = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.LimitsFrom(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Limits);

        var loaded = texts
            .Combine(limits)
            .Select(static (pair, _) => new LoadedCatalogue(pair.Left.Path, CatalogueLoader.Load(pair.Left.Text, pair.Right)))
            .WithTrackingName(TrackingNames.LoadedCatalogue);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var diagnostics = loaded
            .Select(static (catalogue, _) => (catalogue.Path, catalogue.Result.Diagnostics))
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, item) =>
        {
            foreach (var diagnostic in item.Diagnostics)
            {
                production.ReportDiagnostic(DiagnosticConverter.ToDiagnostic(diagnostic, item.Path));
            }
        });

        // The spec holds no source position: a comment-only edit gives an equal spec, and the emit step stays cached.
        var specs = loaded
            .Combine(options)
            .Select(static (pair, _) => SpecOf(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Spec);

        var sources = specs
            .Combine(search)
            .Select(static (pair, _) => pair.Right.First == pair.Left.Path
                ? Generate(pair.Left)
                : new GenerationResult(pair.Left.Path, EquatableArray<GeneratedFile>.Empty, EquatableArray<CatalogueDiagnostic>.Empty))
            .WithTrackingName(TrackingNames.GeneratedSources);
        context.RegisterSourceOutput(sources, static (production, result) =>
        {
            foreach (var error in result.InternalErrors)
            {
                production.ReportDiagnostic(DiagnosticConverter.ToDiagnostic(error, result.Path));
            }

            foreach (var file in result.Files)
            {
                production.AddSource(file.HintName, file.Text);
            }
        });
    }

    private static SpecResult SpecOf(LoadedCatalogue loaded, GeneratorOptions options)
    {
        if (loaded.Result.Generatable is not { } catalogue)
        {
            return new SpecResult(loaded.Path, null, EquatableArray<CatalogueDiagnostic>.Empty);
        }

        try
        {
            return new SpecResult(loaded.Path, EmitSpecBuilder.Build(catalogue, Path.GetFileName(loaded.Path), options.Namespace, Version), EquatableArray<CatalogueDiagnostic>.Empty);
        }
#pragma warning disable CA1031 // The generator must never throw (CS8785 hides the cause): report TG9999 instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new SpecResult(loaded.Path, null, InternalError(exception));
        }
    }

    private static GenerationResult Generate(SpecResult result)
    {
        if (result.Spec is not { } spec)
        {
            return new GenerationResult(result.Path, EquatableArray<GeneratedFile>.Empty, result.InternalErrors);
        }

        try
        {
            return new GenerationResult(result.Path, CatalogueEmitter.Emit(spec), EquatableArray<CatalogueDiagnostic>.Empty);
        }
#pragma warning disable CA1031 // The generator must never throw (CS8785 hides the cause): report TG9999 instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new GenerationResult(result.Path, EquatableArray<GeneratedFile>.Empty, InternalError(exception));
        }
    }

    private static EquatableArray<CatalogueDiagnostic> InternalError(Exception exception) => new(
    [
        new CatalogueDiagnostic(CatalogueRules.InternalError, SourceSpan.FileStart, new EquatableArray<string>([exception.GetType().Name, exception.Message])),
    ]);
}

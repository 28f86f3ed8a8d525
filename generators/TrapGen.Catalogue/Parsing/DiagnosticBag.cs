using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Parsing;

/// <summary>Collects diagnostics while a catalogue is parsed and validated.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<CatalogueDiagnostic> items = [];

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticRule rule, SourceSpan span, params string[] arguments)
    {
        items.Add(new CatalogueDiagnostic(rule, span, new EquatableArray<string>(arguments)));
        HasErrors |= rule.Severity == DiagnosticSeverityLevel.Error;
    }

    public EquatableArray<CatalogueDiagnostic> ToEquatableArray() => items.ToEquatableArray();
}

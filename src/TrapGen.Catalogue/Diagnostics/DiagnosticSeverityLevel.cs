using TrapGen.Architecture;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>How serious a catalogue diagnostic is; maps one to one onto Roslyn's severities.</summary>
public enum DiagnosticSeverityLevel
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>Probably a mistake; code is still generated.</summary>
    Warning,

    /// <summary>The catalogue cannot be used; no code is generated.</summary>
    Error,
}

using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>One CPU model a catalogue names under <c>cpus:</c>, as written, with where it is written.</summary>
/// <param name="Name">The model's name as written: <c>cortex-a57</c>.</param>
/// <param name="Span">The name's node, for the diagnostics about the model and about the entries it lacks.</param>
public sealed record CpuReference(string Name, SourceSpan Span);

using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TrapGen.Benchmarks.Generator;

/// <summary>The one MSBuild property the generator reads: the namespace to generate into.</summary>
internal sealed class BuildProperties(string rootNamespace) : AnalyzerConfigOptionsProvider
{
    private readonly Options options = new(rootNamespace);

    public override AnalyzerConfigOptions GlobalOptions => options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

    private sealed class Options(string rootNamespace) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "build_property.RootNamespace" ? rootNamespace : null;
            return value is not null;
        }
    }
}

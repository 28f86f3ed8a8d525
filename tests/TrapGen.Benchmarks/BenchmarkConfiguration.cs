using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TrapGen.Benchmarks;

/// <summary>
/// 3 warm-up and 10 measured iterations, in process: every benchmark class finishes in minutes on a
/// 2-core machine, and each reports time and allocation per operation with ratios to its baseline.
/// In process: no project is generated and rebuilt per run (about 40 s each on this machine), and the
/// measured work (decode, dispatch, register moves, the generator driver) is plain CPU work that a
/// separate process would not measure differently.
/// </summary>
public sealed class BenchmarkConfiguration : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchmarkConfiguration()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("TrapGen"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(RankColumn.Arabic);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        UnionRule = ConfigUnionRule.AlwaysUseLocal;
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
    }
}

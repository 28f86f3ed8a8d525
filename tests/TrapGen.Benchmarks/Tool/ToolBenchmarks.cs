using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TrapGen.Cli;

namespace TrapGen.Benchmarks.Tool;

/// <summary>
/// The trapgen tool in process, as a user runs it: <c>boot</c> (the three example traces parsed,
/// replayed through the emulated CPU and the runtime, and printed) per run, and <c>decode</c> of a
/// batch of syndromes per value. README turns them into traps and values per second (a boot takes the
/// traps its summaries count). Output goes to <see cref="TextWriter.Null"/>: printing costs its
/// formatting, not I/O.
/// </summary>
[BenchmarkCategory("Tool")]
public class ToolBenchmarks
{
    /// <summary>How many syndromes one decode invocation takes.</summary>
    public const int DecodeBatch = 256;

    private string[] decodeArguments = [];

    /// <summary>Builds the decode batch: the dispatch benchmark's syndromes, and one data abort in eight.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var traps = Dispatch.SyndromeStream.Mixed().Take(DecodeBatch - (DecodeBatch / 8)).Select(esr => "0x" + esr.ToString("x8", CultureInfo.InvariantCulture));
        decodeArguments = ["decode", .. traps, .. Enumerable.Repeat("0x93c08046", DecodeBatch / 8)];
    }

    /// <summary><c>trapgen boot</c>: the three example traces, per run.</summary>
    [Benchmark]
    public int Boot() => CliApplication.Run(["boot"], TextWriter.Null, TextWriter.Null);

    /// <summary><c>trapgen decode</c> of 256 values, per value.</summary>
    [Benchmark(OperationsPerInvoke = DecodeBatch)]
    public int DecodePerValue() => CliApplication.Run(decodeArguments, TextWriter.Null, TextWriter.Null);
}

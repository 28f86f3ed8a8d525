using BenchmarkDotNet.Running;
using TrapGen.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfiguration).Assembly).Run(args, new BenchmarkConfiguration());

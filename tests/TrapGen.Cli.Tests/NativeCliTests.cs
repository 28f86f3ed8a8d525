using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// The Native AOT trapgen (<c>dotnet publish src/TrapGen.Cli -p:PublishProfile=native</c>) prints, byte for
/// byte, what the JIT build prints, and exits with the same code: both run as processes, on the same
/// arguments and standard input. The native binary is published once per test run (a minute or two; it needs
/// clang and zlib1g-dev, which test.sh installs); <c>TRAPGEN_NATIVE</c> names an already published one instead.
/// </summary>
public sealed class NativeCliTests(NativeCliTests.NativeBinary native) : IClassFixture<NativeCliTests.NativeBinary>
{
    /// <summary>Command lines and standard input: decode (text, JSON, MIDR, SMCCC, a CPU model), encode, the catalogue, traces, and errors.</summary>
    public static TheoryData<string, string[], string> Cases() => new()
    {
        { "one ESR", ["decode", "0x96000050"], string.Empty },
        { "several ESRs", ["decode", "0x62300400", "0x93c08046", "0x0fe23660", "0xbe002000", "0x56000000", "0x8a000000"], string.Empty },
        { "ESRs as JSON", ["decode", "--json", "0x96000050", "0x62344041", "0x0c3e0441", "0x1c1fc30b00000000"], string.Empty },
        { "a CPU model", ["decode", "--cpu", "cortex-a57", "0x62344041", "0x0fe23660"], string.Empty },
        { "MIDR and SMCCC", ["decode", "--midr", "0x411fd070", "0x410fd0c0"], string.Empty },
        { "SMCCC as JSON", ["decode", "--smccc", "--json", "0x84000000", "0xc4000003"], string.Empty },
        { "standard input with an error", ["decode", "--json"], "0x96000050\n# a comment\nzz\n0x62300400\n" },
        { "encode", ["encode", "mcrr p15, 0, r0, r1, c2", "msr sctlr_el1, x0", "t32 0xee010f10"], string.Empty },
        { "encode as JSON", ["encode", "--json", "dc civac, x3", "mrc p14, 0, r1, c0, c1, 0"], string.Empty },
        { "a bad ESR", ["decode", "zz", "0x96000050", "0x100000000000000"], string.Empty },
        { "an unknown option", ["decode", "--nope", "0x96000050"], string.Empty },
        { "an unknown CPU model", ["decode", "--cpu", "a53", "0x62344041"], string.Empty },
        { "the built-in catalogue", ["list", "--json"], string.Empty },
        { "the CPU models", ["list", "--cpus", "--json"], string.Empty },
        { "the architecture", ["list", "--architecture", "--cpu", "cortex-a76"], string.Empty },
        { "check the catalogue", ["check", Cli.CatalogueOfRepository], string.Empty },
        { "the example traces", ["boot"], string.Empty },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_native_binary_prints_what_the_JIT_build_prints(string name, string[] arguments, string input)
    {
        var jit = Run("dotnet", [JitAssembly, .. arguments], input);
        var aot = Run(native.Path, arguments, input);

        Assert.True(jit.Output.Length + jit.Error.Length > 0, name + ": the JIT build printed nothing");
        Assert.Equal(jit.ExitCode, aot.ExitCode);
        Assert.Equal(jit.Output, aot.Output);
        Assert.Equal(jit.Error, aot.Error);
    }

    [Fact]
    public void A_batch_of_random_values_decodes_to_the_same_JSON_lines()
    {
        var random = new Random(25);
        var values = string.Concat(Enumerable.Range(0, 5000).Select(_ => "0x" + ((ulong)random.NextInt64() & 0x00ff_ffff_ffff_ffffUL >> random.Next(0, 25)).ToString("x", CultureInfo.InvariantCulture) + "\n"));

        var jit = Run("dotnet", [JitAssembly, "decode", "--json"], values);
        var aot = Run(native.Path, ["decode", "--json"], values);

        Assert.Equal(0, jit.ExitCode);
        Assert.Equal(5000, jit.Output.Count(c => c == '\n'));
        Assert.Equal(jit.ExitCode, aot.ExitCode);
        Assert.True(jit.Output == aot.Output, "the native binary's JSON lines differ from the JIT build's");
        Assert.Equal(jit.Error, aot.Error);
    }

    /// <summary>The JIT build of trapgen: the one this test project references, beside it.</summary>
    private static string JitAssembly => System.IO.Path.Combine(AppContext.BaseDirectory, "trapgen.dll");

    private static (int ExitCode, string Output, string Error) Run(string executable, IEnumerable<string> arguments, string input, int minutes = 2)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = Cli.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(executable + " " + string.Join(" ", arguments) + " did not finish within " + minutes + " minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The native trapgen, published once for the test class.</summary>
    public sealed class NativeBinary
    {
        public NativeBinary()
        {
            if (Environment.GetEnvironmentVariable("TRAPGEN_NATIVE") is { Length: > 0 } given)
            {
                Assert.True(File.Exists(given), "TRAPGEN_NATIVE names no file: " + given);
                Path = given;
                return;
            }

            var directory = Directory.CreateTempSubdirectory("trapgen-native-");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Delete(recursive: true);
            var published = Run(
                "dotnet",
                ["publish", System.IO.Path.Combine(Cli.RepositoryRoot, "src", "TrapGen.Cli"), "-p:PublishProfile=native", "-o", directory.FullName, "--nologo"],
                string.Empty,
                minutes: 15);
            Assert.True(published.ExitCode == 0, "the native publish failed (it needs clang and zlib1g-dev: test.sh installs them):\n" + published.Output + published.Error);
            Path = System.IO.Path.Combine(directory.FullName, "trapgen");
        }

        /// <summary>Gets the native executable's path.</summary>
        public string Path { get; }
    }
}

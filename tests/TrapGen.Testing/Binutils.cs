using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TrapGen.Testing;

/// <summary>
/// Assembles and disassembles with Debian's cross binutils, an implementation of the Arm encodings
/// that owes nothing to TrapGen. .ci/run installs binutils-aarch64-linux-gnu and binutils-arm-linux-gnueabihf.
/// </summary>
public static partial class Binutils
{
    public const string Aarch64 = "aarch64-linux-gnu";
    public const string Arm = "arm-linux-gnueabihf";

    /// <summary>Assembles <paramref name="lines"/> for <paramref name="target"/> (<see cref="Aarch64"/> or <see cref="Arm"/>) and returns each instruction's word and disassembly, in order.</summary>
    public static IReadOnlyList<(uint Word, string Text)> Assemble(string target, IEnumerable<string> lines, params string[] assemblerFlags)
    {
        var directory = Directory.CreateTempSubdirectory("trapgen-binutils-");
        try
        {
            var source = Path.Combine(directory.FullName, "input.s");
            var objectFile = Path.Combine(directory.FullName, "input.o");
            File.WriteAllLines(source, lines);
            Run(target + "-as", [.. assemblerFlags, "-o", objectFile, source]);
            // Raw register names (r10, not sl) for AArch32.
            var listing = Run(target + "-objdump", target == Arm ? ["-d", "-M", "reg-names-raw", objectFile] : ["-d", objectFile]);
            return InstructionLine().Matches(listing)
                .Select(m => (Parse(m.Groups["word"].Value), m.Groups["text"].Value.Trim()))
                .ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static uint Parse(string hex)
    {
        // Thumb-2 words print as two halfwords, "ee01 0f10": first halfword in the upper 16 bits.
        return uint.Parse(hex.Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string Run(string tool, string[] arguments) =>
        ExternalTool.Run(tool, "binutils-aarch64-linux-gnu binutils-arm-linux-gnueabihf", arguments);

    [GeneratedRegex(@"^\s*[0-9a-f]+:\s+(?<word>[0-9a-f]{8}|[0-9a-f]{4} [0-9a-f]{4})\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex InstructionLine();
}

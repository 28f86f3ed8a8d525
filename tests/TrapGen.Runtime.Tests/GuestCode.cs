using System.Collections.Generic;
using System.Linq;
using TrapGen.Testing;

namespace TrapGen.Runtime.Tests;

/// <summary>Guest instruction words, assembled by binutils from assembler text.</summary>
internal static class GuestCode
{
    public static uint[] A64(params string[] lines) => Words(Binutils.Aarch64, [".arch armv8-a", .. lines], []);

    public static uint[] A32(params string[] lines) => Words(Binutils.Arm, [".arch armv8-a", ".arm", .. lines], []);

    public static uint[] T32(params string[] lines) => Words(Binutils.Arm, [".arch armv8-a", ".thumb", .. lines], ["-mthumb"]);

    private static uint[] Words(string target, IEnumerable<string> lines, string[] flags) =>
        Binutils.Assemble(target, lines, flags).Select(instruction => instruction.Word).ToArray();
}

using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Testing;

/// <summary>
/// Guest instruction words, assembled by binutils from assembler text. AArch32 code may use SMC (the
/// Security extension), VMRS of MVFR2 (the Armv8 floating point) and Advanced SIMD.
/// </summary>
public static class GuestCode
{
    private static readonly string[] Aarch32Prelude = [".arch armv8-a", ".arch_extension sec", ".fpu neon-fp-armv8"];

    public static uint[] A64(params string[] lines) => Words(Binutils.Aarch64, [".arch armv8-a", .. lines], []);

    public static uint[] A32(params string[] lines) => Words(Binutils.Arm, [.. Aarch32Prelude, ".arm", .. lines], []);

    public static uint[] T32(params string[] lines) => Words(Binutils.Arm, [.. Aarch32Prelude, ".thumb", .. lines], ["-mthumb"]);

    private static uint[] Words(string target, IEnumerable<string> lines, string[] flags) =>
        Binutils.Assemble(target, lines, flags).Select(instruction => instruction.Word).ToArray();
}

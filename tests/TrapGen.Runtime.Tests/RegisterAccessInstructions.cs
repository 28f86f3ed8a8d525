using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Testing;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The guest instructions that access a register in each direction its access allows: MRS x2 and MSR from x2;
/// MRC and MCR with r2, MRRC and MCRR with r2 and r3.
/// </summary>
internal static class RegisterAccessInstructions
{
    /// <summary>An MRS and an MSR of <paramref name="register"/>, as far as it is readable and writable.</summary>
    public static IEnumerable<string> Of(Aarch64Register register) =>
        new[] { register.Allows(AccessDirection.Read) ? "mrs x2, " + register.Encoding : null, register.Allows(AccessDirection.Write) ? "msr " + register.Encoding + ", x2" : null }
            .OfType<string>();

    /// <summary>A read and a write of <paramref name="register"/> in its form, as far as it is readable and writable.</summary>
    public static IEnumerable<string> Of(Aarch32Register register) =>
        new[]
        {
            register.Allows(AccessDirection.Read) ? Aarch32Spelling.Read(register.Encoding, register.Name, rt: 2, rt2: 3) : null,
            register.Allows(AccessDirection.Write) ? Aarch32Spelling.Write(register.Encoding, rt: 2, rt2: 3) : null,
        }.OfType<string>();
}

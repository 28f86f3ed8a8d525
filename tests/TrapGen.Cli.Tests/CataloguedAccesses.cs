using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime;
using TrapGen.Testing;

namespace TrapGen.Cli.Tests;

/// <summary>One catalogued form in assembler syntax, and the catalogue name a trap of it must reach.</summary>
/// <param name="Instruction">A64 or A32 assembler text.</param>
/// <param name="IsA64">True for MSR/MRS.</param>
/// <param name="Register">The catalogued register or alias name.</param>
public sealed record CataloguedAccess(string Instruction, bool IsA64, string Register)
{
    public override string ToString() => Instruction;
}

/// <summary>
/// Every read and write form of every catalogued register and alias, generated from the runtime's
/// registry (the generated code), never listed by hand.
/// </summary>
public static class CataloguedAccesses
{
    public static IReadOnlyList<CataloguedAccess> All { get; } = Build();

    public static IEnumerable<object[]> Cases => All.Select(access => new object[] { access });

    private static List<CataloguedAccess> Build()
    {
        var accesses = new List<CataloguedAccess>();
        foreach (var register in SystemRegisters.All)
        {
            var name = register.Name.ToLowerInvariant();
            if (register.IsAarch64Dispatched)
            {
                if (register.IsReadable)
                {
                    accesses.Add(new("mrs x3, " + name, true, register.Name));
                }

                if (register.IsWritable)
                {
                    accesses.Add(new("msr " + name + ", x5", true, register.Name));
                }
            }

            foreach (var alias in register.Aliases)
            {
                var encoding = new Aarch32Encoding(alias.Coprocessor, alias.Form, alias.Opc1, alias.CRn, alias.CRm, alias.Opc2);
                if (register.IsReadable)
                {
                    accesses.Add(new(Aarch32Spelling.Read(encoding, alias.Name, rt: 2, rt2: 3), false, alias.Name));
                    accesses.Add(new(Aarch32Spelling.Read(encoding, alias.Name, "ne", rt: 2, rt2: 3), false, alias.Name));
                }

                if (register.IsWritable && Aarch32Spelling.Write(encoding, rt: 2, rt2: 3) is { } write)
                {
                    accesses.Add(new(write, false, alias.Name));
                    accesses.Add(new(Aarch32Spelling.Write(encoding, "ge", rt: 2, rt2: 3)!, false, alias.Name));
                }
            }
        }

        return accesses;
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}

using System.Globalization;
using System.Linq;
using System.Text.Json;
using TrapGen.Architecture;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// Every name of the architecture's table works in encode, decode and traces, catalogued or not, and
/// <c>list --architecture</c> prints the table.
/// </summary>
public sealed class ArchitectureNameTests
{
    [Fact]
    public void Encode_then_decode_names_every_aarch64_register_in_each_direction_it_allows()
    {
        var accesses = Aarch64Registers.All
            .SelectMany(r => new[] { (Register: r, IsRead: true), (Register: r, IsRead: false) })
            .Where(a => a.Register.Allows(a.IsRead ? AccessDirection.Read : AccessDirection.Write))
            .ToList();
        var instructions = accesses.Select(a => a.IsRead ? "mrs x3, " + a.Register.Name.ToLowerInvariant() : "msr " + a.Register.Name.ToLowerInvariant() + ", x3").ToArray();

        var encoded = Lines(Cli.Run(["encode", "--json", .. instructions]));
        var decoded = Lines(Cli.Run(["decode", "--json", .. encoded.Select(e => e.GetProperty("esr").GetString()!)]));

        Assert.Equal(accesses.Count, decoded.Length);
        foreach (var ((register, _), instruction, json) in accesses.Zip(instructions, decoded))
        {
            Assert.Equal(instruction, json.GetProperty("instruction").GetString());
            Assert.Equal(register.Name, NameOf(json));
        }
    }

    [Fact]
    public void Encode_then_decode_names_every_system_instruction_and_the_controls_that_trap_it()
    {
        var instructions = SystemInstructions.All.ToList();
        // A one-word instruction's register follows its name without a comma (gcspushm x3), as LLVM writes it.
        var texts = instructions.Select(i => i.FullName.ToLowerInvariant() + (!i.TakesRegister ? string.Empty : i.IsOneWord ? " x3" : ", x3")).ToArray();

        var encoded = Lines(Cli.Run(["encode", "--json", .. texts]));
        var decoded = Lines(Cli.Run(["decode", "--json", .. encoded.Select(e => e.GetProperty("esr").GetString()!)]));

        Assert.Equal(instructions.Count, decoded.Length);
        foreach (var (instruction, text, json) in instructions.Zip(texts, decoded))
        {
            Assert.Equal(text, json.GetProperty("instruction").GetString());
            Assert.Equal(instruction.FullName, NameOf(json));
            Assert.Equal(
                instruction.Traps.Select(r => r.Control.QualifiedName).Order(System.StringComparer.Ordinal),
                json.GetProperty("trappedBy").EnumerateArray().Select(t => t.GetProperty("control").GetString()!).Order(System.StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Decode_names_every_aarch32_register_of_every_coprocessor_from_its_syndrome()
    {
        var registers = Aarch32Registers.All.Where(r => r.Allows(AccessDirection.Read)).ToList();
        var instructions = registers.Select(r => Aarch32Spelling.Read(r.Encoding, r.Name, rt: 2, rt2: 3)).ToArray();

        var encoded = Lines(Cli.Run(["encode", "--json", .. instructions]));
        var decoded = Lines(Cli.Run(["decode", "--json", .. encoded.Select(e => e.GetProperty("esr").GetString()!)]));

        Assert.Equal(registers.Count, decoded.Length);
        foreach (var (register, json) in registers.Zip(decoded))
        {
            Assert.Equal(register.Name, NameOf(json));
        }
    }

    [Theory]
    [InlineData("msr vbar_el1, x0", "0xd518c000", "VBAR_EL1")]
    [InlineData("mrs x0, midr_el1", "0xd5380000", "MIDR_EL1")]
    [InlineData("mrs x0, cntfrq_el0", "0xd53be000", "CNTFRQ_EL0")]
    [InlineData("mrs x0, tpidr_el1", "0xd538d080", "TPIDR_EL1")]
    [InlineData("msr spsr_svc, x0", "0xd5184000", "SPSR_EL1")]
    public void Encode_takes_any_architectural_name_including_the_older_ones(string instruction, string word, string name)
    {
        var (exitCode, output, _) = Cli.Run("encode", "--json", instruction);
        var json = JsonDocument.Parse(output).RootElement;

        Assert.Equal(0, exitCode);
        Assert.Equal(word, json.GetProperty("word").GetString());
        Assert.Equal(name, json.GetProperty("architecturalName").GetString());
    }

    [Fact]
    public void A_trace_moves_a_register_the_catalogue_does_not_have_by_its_architectural_name()
    {
        var path = Cli.Temp("guest aarch64\nmsr vbar_el1, x1 = 0x80000\nmrs x2, vbar_el1\n");

        var (exitCode, output, _) = Cli.Run("run", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("msr vbar_el1, x1               direct     VBAR_EL1         <= 0x0000000000080000", output, System.StringComparison.Ordinal);
        Assert.Contains("mrs x2, vbar_el1               direct     VBAR_EL1         => 0x0000000000080000", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_architecture_json_holds_every_row_of_every_table()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture", "--json");
        var json = JsonDocument.Parse(output).RootElement;

        Assert.Equal(0, exitCode);
        Assert.Equal(Aarch64Registers.All.Select(r => r.Name), json.GetProperty("aarch64Registers").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(SystemInstructions.All.Select(i => i.FullName), json.GetProperty("systemInstructions").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(Aarch32Registers.All.Select(r => r.Name), json.GetProperty("aarch32Registers").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(
            TrapControls.All.Concat(FineGrainedTraps.All).Select(c => c.QualifiedName),
            json.GetProperty("trapControls").EnumerateArray().Select(c => c.GetProperty("register").GetString() + "." + c.GetProperty("name").GetString()));
        var ifar = json.GetProperty("aarch32Registers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "IFAR");
        Assert.Equal(("FAR_EL1", "hi", 2), (ifar.GetProperty("mapsTo").GetString(), ifar.GetProperty("view").GetString(), ifar.GetProperty("opc2").GetInt32()));
    }

    [Fact]
    public void List_architecture_prints_the_table_and_refuses_a_catalogue_beside_it()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture");
        var (refused, _, error) = Cli.Run("list", "--architecture", "registers.yaml");

        Assert.Equal(0, exitCode);
        Assert.StartsWith(
            string.Format(CultureInfo.InvariantCulture, "Architecture (TrapGen.Architecture): {0} AArch64 registers ({3} with MRRS/MSRR), {1} System instructions ({4} with a TLBIP), {2} AArch32 registers", Aarch64Registers.All.Count, SystemInstructions.All.Count, Aarch32Registers.All.Count, Aarch64Registers128.All.Count, SystemInstructions128.All.Count),
            output,
            System.StringComparison.Ordinal);
        Assert.Matches(@"\nIFAR +mcr p15, 0, c6, c0, 2 +rw +1 +FAR_EL1 hi +- +T6:read-write TVM:write TRVM:read\n", output);
        Assert.NotEqual(0, refused);
        Assert.Contains("--architecture lists the architecture's table, not a catalogue", error, System.StringComparison.Ordinal);
    }

    private static string? NameOf(JsonElement decoded) =>
        decoded.GetProperty("register").ValueKind == JsonValueKind.Null
            ? decoded.GetProperty("architecturalName").GetString()
            : decoded.GetProperty("register").GetProperty("name").GetString();

    private static JsonElement[] Lines((int ExitCode, string Output, string Error) result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. result.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }
}

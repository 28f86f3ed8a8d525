using System.Linq;
using System.Text;
using TrapGen.Catalogue.Model;

namespace TrapGen.Testing.Generators;

/// <summary>
/// Writes the runtime's half of <c>TrapDispatcher</c> for any catalogue, so generated code can be
/// compiled (and run) in tests: GPRs in an array, hooks and emulators recorded, guest memory a dictionary of words.
/// </summary>
public static class StubImplementation
{
    /// <summary>The partial half of <c>TrapDispatcher</c> in namespace <paramref name="ns"/> for <paramref name="catalogue"/>.</summary>
    public static string For(RegisterCatalogue catalogue, string ns)
    {
        var builder = new StringBuilder();
        builder.AppendLine("namespace " + ns + ";");
        builder.AppendLine("public sealed partial class TrapDispatcher");
        builder.AppendLine("{");
        builder.AppendLine("    public ulong[] X { get; } = new ulong[32];");
        builder.AppendLine("    public SystemRegisterFile File { get; } = new();");
        builder.AppendLine("    public System.Collections.Generic.List<string> Calls { get; } = new();");
        builder.AppendLine("    public System.Collections.Generic.Dictionary<string, ulong> Emulated { get; } = new();");
        builder.AppendLine("    private partial SystemRegisterFile Registers() => File;");
        builder.AppendLine("    private partial ulong ReadX(int index) => index == 31 ? 0 : X[index];");
        builder.AppendLine("    private partial void WriteX(int index, ulong value) { if (index != 31) X[index] = value; }");
        builder.AppendLine("    private partial uint ReadR(int index) => (uint)X[index];");
        builder.AppendLine("    private partial void WriteR(int index, uint value) => X[index] = value;");
        if (catalogue.Registers.Any(r => r.Aliases.Any(a => a.Encoding.Form == AccessForm.LdcStc)))
        {
            builder.AppendLine("    public System.Collections.Generic.Dictionary<uint, uint> Memory { get; } = new();");
            builder.AppendLine("    public uint Pc { get; set; }");
            builder.AppendLine("    private partial uint ReadGuestWord(uint address) => Memory.TryGetValue(address, out var word) ? word : 0;");
            builder.AppendLine("    private partial void WriteGuestWord(uint address, uint value) => Memory[address] = value;");
            builder.AppendLine("    private partial uint LiteralBase() => (Pc + 8) & ~3u;");
        }

        foreach (var hook in catalogue.Hooks)
        {
            builder.AppendLine("    private partial void " + hook.Name + "(ulong value) => Calls.Add(\"" + hook.Name + "(0x\" + value.ToString(\"X\") + \")\");");
        }

        foreach (var emulator in catalogue.Emulators)
        {
            var users = catalogue.Registers.Where(r => r.Emulator == emulator.Name).ToList();
            if (users.Any(r => r.IsReadable))
            {
                builder.AppendLine("    private partial ulong Read" + emulator.Name + "() => Emulated.TryGetValue(\"" + emulator.Name + "\", out var v) ? v : 0;");
            }

            if (users.Any(r => r.IsWritable))
            {
                builder.AppendLine("    private partial void Write" + emulator.Name + "(ulong value) => Emulated[\"" + emulator.Name + "\"] = value;");
            }
        }

        if (catalogue.Instructions.Any(i => i.Handling == TrapGen.Catalogue.Model.InstructionHandling.Forward))
        {
            builder.AppendLine("    partial void Forward(CataloguedInstruction instruction, ulong operand) => Calls.Add(\"Forward(\" + instruction + \", 0x\" + operand.ToString(\"X\") + \")\");");
        }

        builder.AppendLine("}");
        return builder.ToString();
    }
}

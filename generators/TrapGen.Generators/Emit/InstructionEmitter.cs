using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// The dispatch of catalogued System instructions: one handler each that runs its hook with the operand,
/// forwards it to the hardware, ignores it or makes it UNDEFINED; and the enum that names them for the
/// runtime's <c>Forward</c>.
/// </summary>
internal static class InstructionEmitter
{
    public const string EnumName = "CataloguedInstruction";

    private static readonly string Result = GeneratedNames.TrapResult;

    /// <summary>
    /// Emits the enum of the catalogue's System instructions: always, even empty, so that a runtime's
    /// <c>Forward</c> compiles whatever the catalogue lists.
    /// </summary>
    public static void EmitEnum(SourceWriter writer, EmitContext context)
    {
        var instructions = context.Catalogue.Instructions;
        writer.Summary("The System instructions the catalogue lists, as the dispatch names them to the runtime's Forward.");
        writer.Line(context.GeneratedCodeAttribute);
        using (writer.Block("public enum " + EnumName))
        {
            foreach (var instruction in instructions)
            {
                writer.Summary(instruction.Name + " (" + Form(instruction) + " " + instruction.EncodingText + ")" + (instruction.Description.Length > 0 ? ": " + instruction.Description : "."));
                writer.Line(instruction.Identifier + ",");
            }
        }

        writer.Line();
    }

    /// <summary>Emits the handler of one trapped System instruction whose handling is hook or forward.</summary>
    public static void EmitHandler(SourceWriter writer, InstructionDefinition instruction)
    {
        var kind = instruction.TrapClass;
        writer.Summary(instruction.Name + " (" + Form(instruction) + " " + instruction.EncodingText + "): " + Describe(instruction) + ".");
        using (writer.Block("private " + Result + " " + GeneratedNames.Handler(kind, instruction.Identifier) + "(bool isRead, int rt)"))
        {
            // SYSL and MRC have no form at an instruction's encoding: the read direction is UNDEFINED.
            using (writer.Block("if (isRead)"))
            {
                writer.Line("return " + Result + ".Undefined;");
            }

            // Only a hook or forward needs a handler; ignore and undefined are dispatch table data.
            writer.Line();
            writer.Line(instruction.Handling == InstructionHandling.Hook
                ? instruction.Hook + "(" + Operand(instruction) + ");"
                : "Forward(" + EnumName + "." + instruction.Identifier + ", " + Operand(instruction) + ");");
            writer.Line("return " + Result + ".Handled;");
        }
    }

    /// <summary>
    /// Emits <c>Forward</c>, always, as an optional partial method (<c>partial void</c>, no access modifier):
    /// a runtime that forwards instructions implements it whatever its catalogue lists, and one that does
    /// not implement it makes a forwarded instruction complete without effect.
    /// </summary>
    public static void EmitForwardPartial(SourceWriter writer)
    {
        writer.Line();
        writer.SummaryXml(
            "Performs the trapped <paramref name=\"instruction\"/> on the hardware for the guest, with its operand (Xt or Rt; 0 when it takes none): "
            + "the handling of instructions the catalogue marks forward. Optional: without an implementation a forwarded instruction completes and does nothing.");
        writer.Line("partial void Forward(" + EnumName + " instruction, ulong operand);");
    }

    /// <summary>When a hook runs, for its doc comment: after register writes, on trapped instructions, or both.</summary>
    public static string WhenHookRuns(RegisterCatalogue catalogue, string hook)
    {
        var afterWrite = catalogue.Registers.Any(r => r.AfterWrite == hook) || catalogue.Instructions.All(i => i.Hook != hook);
        var instructions = catalogue.Instructions.Where(i => i.Hook == hook).Select(i => i.Name).ToList();
        var onInstructions = instructions.Count == 0 ? null : "when " + string.Join(", ", instructions) + " trap" + (instructions.Count == 1 ? "s" : string.Empty) + ", with the operand";
        var onWrites = afterWrite ? "after every write to a register that names it, with the register's new value" : null;
        return onWrites is not null && onInstructions is not null ? onWrites + ", and " + onInstructions : onWrites ?? onInstructions!;
    }

    /// <summary>How a trap is handled, in words, for the registry: <c>hook SetWayFlush</c>, <c>forward</c>.</summary>
    public static string Handling(InstructionDefinition instruction) => instruction.Handling == InstructionHandling.Hook
        ? "hook " + instruction.Hook
        : Catalogue.Parsing.CatalogueSpelling.Of(instruction.Handling);

    private static string Operand(InstructionDefinition instruction) => instruction.TrapClass switch
    {
        TrapClassKind.Msr => instruction.TakesRegister ? "ReadX(rt)" : "0UL",
        _ => "ReadR(rt)",
    };

    private static string Form(InstructionDefinition instruction) => instruction.TrapClass == TrapClassKind.Msr ? "SYS" : "MCR";

    /// <summary>What the handler of a hook or forward instruction does, for its doc comment.</summary>
    private static string Describe(InstructionDefinition instruction) => instruction.Handling == InstructionHandling.Hook
        ? "runs " + instruction.Hook + " with " + (instruction.TrapClass == TrapClassKind.Msr ? (instruction.TakesRegister ? "Xt" : "0 (it takes no register)") : "Rt")
        : "performed on the hardware for the guest";
}

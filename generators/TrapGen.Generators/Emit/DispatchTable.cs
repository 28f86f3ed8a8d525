using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Encoding;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// One row of a trap class's dispatch table: how a trapped access of one register form moves its value,
/// as data, so that one shared passthrough serves every plain register. A read puts
/// <c>((file[FileSlot] &amp; ReadAnd) | ReadOr) &gt;&gt; Shift</c> in the transfer register(s); a write stores
/// <c>(file[FileSlot] &amp; ~WriteMask) | ((value &lt;&lt; Shift) &amp; WriteMask)</c>. A row with a
/// <see cref="Special"/> handler (a hook, an emulator, a System instruction's hook or forward) calls it instead.
/// </summary>
/// <param name="Key">The register key.</param>
/// <param name="Name">The key constant's name.</param>
/// <param name="Comment">What it is and how it is handled, beside the numbers.</param>
/// <param name="FileSlot">The register file's slot, or its spare slot for a value that is not kept.</param>
/// <param name="Shift">0, or 32 for the HI view of an AArch32 alias.</param>
/// <param name="Read">What a read does: Handled (moves the value), Undefined or Unhandled.</param>
/// <param name="Write">What a write does: Handled (stores under the mask), Undefined or Unhandled.</param>
/// <param name="ReadAnd">The bits of the kept value a read returns.</param>
/// <param name="ReadOr">The bits a read sets: a constant, a sanitised field's value.</param>
/// <param name="WriteMask">The bits a write replaces: none for an ignored write.</param>
/// <param name="Special">The handler a hook or emulator needs, or null for a row the shared path serves.</param>
internal sealed record DispatchTableRow(
    uint Key, string Name, string Comment, int FileSlot, int Shift, string Read, string Write, ulong ReadAnd, ulong ReadOr, ulong WriteMask, string? Special)
{
    public const string Handled = "Handled";
    public const string Undefined = "Undefined";
    public const string Unhandled = "Unhandled";
}

/// <summary>Builds the dispatch table rows of a trap class from the catalogue.</summary>
internal static class DispatchTable
{
    private const ulong All = ulong.MaxValue;

    /// <summary>Gets whether a register needs its own handler: a hook after writes, or an emulator.</summary>
    public static bool NeedsHandler(RegisterDefinition register) => register.AfterWrite is not null || register.Handling == RegisterHandling.Emulated;

    /// <summary>Gets whether an instruction needs its own handler: it calls a hook or Forward.</summary>
    public static bool NeedsHandler(InstructionDefinition instruction) => instruction.Handling is InstructionHandling.Hook or InstructionHandling.Forward;

    /// <summary>The rows of <paramref name="kind"/>, in catalogue order: registers or aliases, instructions, then others.</summary>
    public static IEnumerable<DispatchTableRow> Rows(EmitContext context, TrapClassKind kind)
    {
        var catalogue = context.Catalogue;
        var syndrome = catalogue.Syndrome;
        var slots = RegisterFileEmitter.Slots(catalogue);
        var spare = slots.Count;
        foreach (var register in catalogue.Registers)
        {
            var slot = slots.TryGetValue(register.Name, out var s) ? s : spare;
            if (kind == TrapClassKind.Msr && register.IsAarch64Dispatched)
            {
                var writeMask = RegisterViewBits.WriteMask(RegisterView.Whole, register.Width);
                yield return Register(register, register.Name, register.Encoding.ToString(), SyndromeKeys.Of(syndrome, register.Encoding), slot, 0, writeMask, GeneratedNames.Handler(kind, register.Name));
            }

            foreach (var alias in register.Aliases.Where(a => a.Encoding.Form == kind))
            {
                var shift = RegisterViewBits.Shift(alias.View);
                var writeMask = RegisterViewBits.WriteMask(alias.View, register.Width);
                var form = KeysEmitter.Describe(alias, register);
                yield return Register(register, alias.Name, form, SyndromeKeys.Of(syndrome, alias.Encoding), slot, shift, writeMask, GeneratedNames.Handler(kind, alias.Name));
            }
        }

        foreach (var instruction in catalogue.Instructions.Where(i => i.TrapClass == kind))
        {
            var key = instruction.Aarch32 is { } cp15 ? SyndromeKeys.Of(syndrome, cp15) : SyndromeKeys.Of(syndrome, instruction.Aarch64!);
            var comment = instruction.Name + ", System instruction: " + InstructionEmitter.Handling(instruction);
            yield return NeedsHandler(instruction)
                ? new DispatchTableRow(key, instruction.Identifier, comment, spare, 0, DispatchTableRow.Undefined, DispatchTableRow.Handled, 0, 0, 0, GeneratedNames.Handler(kind, instruction.Identifier))
                : new DispatchTableRow(
                    key, instruction.Identifier, comment, spare, 0, DispatchTableRow.Undefined,
                    instruction.Handling == InstructionHandling.Ignore ? DispatchTableRow.Handled : DispatchTableRow.Undefined, 0, 0, 0, null);
        }

        foreach (var other in context.Others.Where(o => o.TrapClass == kind && o.IsDispatched))
        {
            var comment = other.ArchitecturalName + " (" + other.Encoding + "), not catalogued: its trap group's others: " + OthersEmitter.Describe(other);
            yield return new DispatchTableRow(other.Key, other.Name, comment, spare, 0, Result(other.Read), Result(other.Write), 0, 0, 0, null);
        }
    }

    private static DispatchTableRow Register(RegisterDefinition register, string name, string form, uint key, int slot, int shift, ulong writeMask, string handler)
    {
        var comment = name + " (" + form + "): " + HandlingPhrases.Of(register);
        if (NeedsHandler(register))
        {
            return new DispatchTableRow(key, name, comment, slot, shift, DispatchTableRow.Handled, DispatchTableRow.Handled, 0, 0, 0, handler);
        }

        var read = register.Handling == RegisterHandling.Undefined || !register.IsReadable ? DispatchTableRow.Undefined : DispatchTableRow.Handled;
        var write = register.Handling == RegisterHandling.Undefined || !register.IsWritable ? DispatchTableRow.Undefined : DispatchTableRow.Handled;
        return register.Handling switch
        {
            RegisterHandling.Passthrough => new DispatchTableRow(key, name, comment, slot, shift, read, write, All, 0, writeMask, null),
            RegisterHandling.Sanitised => new DispatchTableRow(key, name, comment, slot, shift, read, write, ~register.OverriddenMask, register.OverriddenValue, 0, null),
            RegisterHandling.Constant => new DispatchTableRow(key, name, comment, slot, shift, read, write, 0, register.Value ?? 0, 0, null),
            _ => new DispatchTableRow(key, name, comment, slot, shift, read, write, 0, 0, 0, null),
        };
    }

    private static string Result(OthersHandling? handling) => handling switch
    {
        OthersHandling.RazWi => DispatchTableRow.Handled,
        OthersHandling.Undefined => DispatchTableRow.Undefined,
        _ => DispatchTableRow.Unhandled,
    };
}

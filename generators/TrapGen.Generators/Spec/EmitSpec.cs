using TrapGen.Catalogue.Collections;

namespace TrapGen.Generators.Spec;

/// <summary>
/// Everything the emitters format, decided once from a validated catalogue (<see cref="EmitSpecBuilder"/>):
/// the dispatch rows of every trap class with their hash and slots, the register file's slots, the ids of
/// emulators and actions, and every phrase a comment or the registry prints. Value-equal and free of
/// source positions: an edit of registers.yaml that changes no fact gives an equal spec, and the emit step
/// after it stays cached. The emitters only format it.
/// </summary>
/// <param name="FileName">The catalogue's file name, printable, for the banner.</param>
/// <param name="Stem">The hint names' stem: <c>registers</c> for <c>registers.yaml</c>.</param>
/// <param name="Namespace">The namespace of the generated types.</param>
/// <param name="Version">TrapGen's version, for <c>[GeneratedCode]</c>.</param>
/// <param name="Registers">Every register of the registry, in catalogue order.</param>
/// <param name="Storage">The registers the register file holds, by slot.</param>
/// <param name="Classes">Every dispatchable trap class, in the architecture's order, with its rows.</param>
/// <param name="Instructions">The catalogue's System instructions, in catalogue order.</param>
/// <param name="InstructionsAndOthers">What the dispatch handles that no register holds, for the registry: the System instructions, then what trap groups' <c>others:</c> dispatch.</param>
/// <param name="Emulators">The emulators the runtime implements, with their ids.</param>
/// <param name="Actions">What runs after a handled write, with their ids: hooks, then forwarded instructions.</param>
/// <param name="Hooks">The hooks the runtime implements.</param>
internal sealed record EmitSpec(
    string FileName,
    string Stem,
    string Namespace,
    string Version,
    EquatableArray<RegisterSpec> Registers,
    EquatableArray<StorageSpec> Storage,
    EquatableArray<ClassSpec> Classes,
    EquatableArray<InstructionSpec> Instructions,
    EquatableArray<DispatchedSpec> InstructionsAndOthers,
    EquatableArray<EmulatorSpec> Emulators,
    EquatableArray<ActionSpec> Actions,
    EquatableArray<HookSpec> Hooks)
{
    /// <summary>Gets the register file's spare slot: it holds no register.</summary>
    public int SpareSlot => Storage.Count;
}

/// <summary>One trap class's dispatch: its rows, its perfect hash and which row each slot holds.</summary>
/// <param name="Name">The class's name: generated names are made from it (<c>McrKeys</c>, <c>DispatchMcr</c>).</param>
/// <param name="Instructions">The instructions it reports, for comments: <c>MCR/MRC</c>.</param>
/// <param name="Coprocessor">Its coprocessor, for comments; 0 for AArch64.</param>
/// <param name="Form">How an access moves its value.</param>
/// <param name="Rows">The keys it dispatches, in catalogue order: registers and aliases, instructions, then others.</param>
/// <param name="Hash">The perfect hash of the rows' keys, or null when it has none.</param>
/// <param name="SlotRows">For each slot of the hash, the index of the row there, or -1 for a free slot.</param>
internal sealed record ClassSpec(
    string Name, string Instructions, int Coprocessor, AccessForm Form, EquatableArray<RowSpec> Rows, PerfectHash? Hash, EquatableArray<int> SlotRows);

/// <summary>One entry of a dispatch table: how a trapped access of one register form moves its value (TrapGen.Abstractions' <c>TrapEntry</c>).</summary>
/// <param name="Key">The key.</param>
/// <param name="Name">The key constant's name.</param>
/// <param name="Comment">What it is and how it is handled.</param>
/// <param name="FileSlot">The register file's slot, or the spare slot.</param>
/// <param name="Shift">0, or 32 for a HI view.</param>
/// <param name="Read">What a read does: Handled, Undefined or Unhandled.</param>
/// <param name="Write">What a write does: Handled, Undefined or Unhandled.</param>
/// <param name="ReadAnd">The bits of the kept value a read returns.</param>
/// <param name="ReadOr">The bits a read sets.</param>
/// <param name="WriteMask">The bits a write replaces.</param>
/// <param name="Emulator">The emulator's id, or 0.</param>
/// <param name="Action">The action's id, or 0.</param>
internal sealed record RowSpec(
    uint Key, string Name, string Comment, int FileSlot, int Shift, string Read, string Write, ulong ReadAnd, ulong ReadOr, ulong WriteMask, int Emulator, int Action);

/// <summary>A register the register file holds.</summary>
/// <param name="Name">Its name: the property's.</param>
/// <param name="Slot">Its slot.</param>
/// <param name="Width">32 or 64.</param>
/// <param name="Reset">Its reset value.</param>
/// <param name="Summary">Its doc comment.</param>
/// <param name="LoViews">The AArch32 views of bits [31:0], for the half's doc comment.</param>
/// <param name="HiViews">The AArch32 views of bits [63:32].</param>
internal sealed record StorageSpec(string Name, int Slot, int Width, ulong Reset, string Summary, EquatableArray<string> LoViews, EquatableArray<string> HiViews);

/// <summary>A register as the generated registry describes it (<c>SystemRegisterInfo</c>).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="Summary">The enum member's doc comment.</param>
/// <param name="IsAarch32Only">True for a register AArch32 alone has.</param>
/// <param name="Op0">op0 (0 for a register of AArch32 alone).</param>
/// <param name="Op1">op1.</param>
/// <param name="CRn">CRn.</param>
/// <param name="CRm">CRm.</param>
/// <param name="Op2">op2.</param>
/// <param name="Width">32 or 64.</param>
/// <param name="Handling">What a trapped access does.</param>
/// <param name="HandlingPhrase">How its traps are handled, in words.</param>
/// <param name="IsReadable">False for write-only registers.</param>
/// <param name="IsWritable">False for read-only registers.</param>
/// <param name="GuestAarch32State">True when only its AArch32 forms reach it.</param>
/// <param name="ResetValue">The register file's initial value.</param>
/// <param name="AfterWrite">The hook run after a write, or null.</param>
/// <param name="Emulator">The emulator, or null.</param>
/// <param name="OtherNames">Other architectural names.</param>
/// <param name="Aliases">Its AArch32 forms.</param>
/// <param name="Key">The C# of its key: its MsrKeys constant, or 0 when no MSR reaches it.</param>
internal sealed record RegisterSpec(
    string Name,
    string Description,
    string Summary,
    bool IsAarch32Only,
    int Op0,
    int Op1,
    int CRn,
    int CRm,
    int Op2,
    int Width,
    RegisterHandling Handling,
    string HandlingPhrase,
    bool IsReadable,
    bool IsWritable,
    bool GuestAarch32State,
    ulong ResetValue,
    string? AfterWrite,
    string? Emulator,
    EquatableArray<string> OtherNames,
    EquatableArray<AliasSpec> Aliases,
    string Key);

/// <summary>An AArch32 form of a register, for the registry (<c>Aarch32AliasInfo</c>).</summary>
/// <param name="Name">Its AArch32 name.</param>
/// <param name="OtherNames">Other names of its encoding.</param>
/// <param name="ExceptionClass">The exception class its traps report.</param>
/// <param name="Coprocessor">15, 14 or 10.</param>
/// <param name="Form">Its form.</param>
/// <param name="Opc1">opc1.</param>
/// <param name="CRn">CRn.</param>
/// <param name="CRm">CRm.</param>
/// <param name="Opc2">opc2.</param>
/// <param name="View">Which bits it reaches.</param>
/// <param name="Key">The C# of its key constant.</param>
internal sealed record AliasSpec(
    string Name, EquatableArray<string> OtherNames, int ExceptionClass, int Coprocessor, AccessForm Form, int Opc1, int CRn, int CRm, int Opc2, RegisterView View, string Key);

/// <summary>A catalogued System instruction, for the <c>CataloguedInstruction</c> enum.</summary>
/// <param name="Identifier">The enum member.</param>
/// <param name="Summary">Its doc comment.</param>
internal sealed record InstructionSpec(string Identifier, string Summary);

/// <summary>A key the dispatch handles that no register holds: a System instruction or a trap group's others (<c>DispatchedAccessInfo</c>).</summary>
/// <param name="Name">The architectural name.</param>
/// <param name="ExceptionClass">The exception class.</param>
/// <param name="Key">The C# of its key constant.</param>
/// <param name="IsInstruction">True for a catalogued System instruction.</param>
/// <param name="Handling">How it is handled, in words.</param>
internal sealed record DispatchedSpec(string Name, int ExceptionClass, string Key, bool IsInstruction, string Handling);

/// <summary>An emulator the runtime implements.</summary>
/// <param name="Id">Its id in the dispatch tables, from 1.</param>
/// <param name="Name">Its name: the partial methods are Read&lt;Name&gt; and Write&lt;Name&gt;.</param>
/// <param name="Description">What it is.</param>
/// <param name="Readable">Whether a register it emulates can be read: Read&lt;Name&gt; is declared.</param>
/// <param name="Writable">Whether one can be written: Write&lt;Name&gt; is declared.</param>
internal sealed record EmulatorSpec(int Id, string Name, string Description, bool Readable, bool Writable);

/// <summary>What runs after a handled write: a hook, or the forward of a System instruction to the hardware.</summary>
/// <param name="Id">Its id in the dispatch tables, from 1.</param>
/// <param name="Hook">The hook's name, or null for a forward.</param>
/// <param name="Forwarded">The forwarded instruction's enum member, or null for a hook.</param>
internal sealed record ActionSpec(int Id, string? Hook, string? Forwarded);

/// <summary>A hook the runtime implements.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Summary">Its doc comment: when it runs and what it is.</param>
internal sealed record HookSpec(string Name, string Summary);

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Parsing;

/// <summary>The keys and enumerated values of registers.yaml (schemas/registers.schema.json mirrors them).</summary>
internal static class CatalogueKeys
{
    public static readonly string[] Root = ["version", "cpus", "trap_groups", "hooks", "emulators", "registers", "instructions"];

    /// <summary>The keys of the catalogue's root TrapGen no longer reads, each with the diagnostic that says so at the key.</summary>
    public static readonly IReadOnlyDictionary<string, Diagnostics.DiagnosticRule> RetiredRoot = new Dictionary<string, Diagnostics.DiagnosticRule>
    {
        ["syndrome"] = Diagnostics.CatalogueRules.SyndromeRetired,
    };

    public static readonly string[] TrapGroup = ["name", "hcr_bit", "description", "others", "if_implemented"];
    public static readonly string[] Named = ["name", "description"];

    public static readonly string[] Register =
    [
        "name", "description", "encoding", "width", "access", "handling", "emulator", "value", "after_write", "reset",
        "other_names", "traps", "guest_aarch32_state", "implementation_defined", "aarch32", "fields",
    ];

    public static readonly string[] Instruction = ["name", "description", "handling", "hook", "traps"];
    public static readonly string[] DeclaredField = ["lsb", "width", "value"];

    public static readonly string[] Aarch64Encoding = ["op0", "op1", "crn", "crm", "op2"];
    public static readonly string[] Alias = ["name", "other_names", "mcr", "mcrr", "view", "traps"];
    public static readonly string[] McrEncoding = ["opc1", "crn", "crm", "opc2"];
    public static readonly string[] McrrEncoding = ["opc1", "crm"];

    public static readonly IReadOnlyDictionary<string, RegisterHandling> Handling = new Dictionary<string, RegisterHandling>
    {
        ["passthrough"] = RegisterHandling.Passthrough,
        ["emulated"] = RegisterHandling.Emulated,
        ["raz-wi"] = RegisterHandling.RazWi,
        ["constant"] = RegisterHandling.Constant,
        ["sanitised"] = RegisterHandling.Sanitised,
        ["undefined"] = RegisterHandling.Undefined,
    };

    public static readonly IReadOnlyDictionary<string, InstructionHandling> InstructionHandling = new Dictionary<string, InstructionHandling>
    {
        ["hook"] = Model.InstructionHandling.Hook,
        ["forward"] = Model.InstructionHandling.Forward,
        ["ignore"] = Model.InstructionHandling.Ignore,
        ["undefined"] = Model.InstructionHandling.Undefined,
    };

    public static readonly IReadOnlyDictionary<string, OthersHandling> Others = new Dictionary<string, OthersHandling>
    {
        ["undefined"] = OthersHandling.Undefined,
        ["raz-wi"] = OthersHandling.RazWi,
        ["unhandled"] = OthersHandling.Unhandled,
    };

    public static readonly IReadOnlyDictionary<string, RegisterAccess> Access = new Dictionary<string, RegisterAccess>
    {
        ["rw"] = RegisterAccess.ReadWrite,
        ["ro"] = RegisterAccess.ReadOnly,
        ["wo"] = RegisterAccess.WriteOnly,
    };

    public static readonly IReadOnlyDictionary<string, RegisterView> View = new Dictionary<string, RegisterView>
    {
        ["whole"] = RegisterView.Whole,
        ["lo"] = RegisterView.Lo,
        ["hi"] = RegisterView.Hi,
        ["zero-extend"] = RegisterView.ZeroExtend,
    };

    public static readonly IReadOnlyDictionary<string, AccessDirection> Direction =
        new[] { AccessDirection.Read, AccessDirection.Write, AccessDirection.ReadWrite }.ToDictionary(RegisterAccessRules.Spelling);

    public static readonly IReadOnlyDictionary<string, bool> Booleans = new Dictionary<string, bool>
    {
        ["true"] = true,
        ["false"] = false,
    };

    public static readonly IReadOnlyDictionary<string, int> Widths = new Dictionary<string, int>
    {
        ["32"] = 32,
        ["64"] = 64,
    };

    /// <summary>
    /// Gets the smallest value a register's encoding field may take. op0 0 and 1 encode instructions
    /// (hints, SYS), not registers, so registers have op0 2 (debug) or 3.
    /// </summary>
    public static int MinimumEncodingValue(TrapClass trapClass, string field) =>
        trapClass == TrapClasses.Msr && field == "Op0" ? 2 : 0;

    /// <summary>Maps the catalogue's lower-case encoding keys onto the architectural field names.</summary>
    public static string FieldName(string key) => key switch
    {
        "op0" => "Op0",
        "op1" => "Op1",
        "op2" => "Op2",
        "crn" => "CRn",
        "crm" => "CRm",
        "opc1" => "Opc1",
        "opc2" => "Opc2",
        _ => key,
    };
}

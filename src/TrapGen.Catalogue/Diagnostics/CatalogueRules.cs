using TrapGen.Architecture;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>Every diagnostic the catalogue can produce. IDs are stable; see docs/diagnostics.md.</summary>
public static class CatalogueRules
{
    /// <summary>The wording of TG0022 and TG0024 for an other name the architecture does not give the entry.</summary>
    private const string NotAnotherNameFormat = "{0} is not another name of {1} in the architecture (its other names: {2}); remove it";

    /// <summary>TG0001: the file is not valid YAML.</summary>
    public static readonly DiagnosticRule MalformedYaml = new(
        "TG0001", "Malformed YAML",
        "The catalogue is not valid YAML: {0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0001 for an exception of the YAML reader that carries no position ({0}: its message).</summary>
    public static readonly DiagnosticRule ReaderStopped = MalformedYaml.WithMessage(
        "The catalogue is not valid YAML: the YAML reader stopped here ({0})");

    /// <summary>TG0001 for a second YAML document in the file.</summary>
    public static readonly DiagnosticRule SecondDocument = MalformedYaml.WithMessage(
        "The catalogue is not valid YAML: a catalogue is one YAML document; remove the second '---'");

    /// <summary>TG0001 for an alias ({0}: its name) of no anchor before it.</summary>
    public static readonly DiagnosticRule UndefinedAlias = MalformedYaml.WithMessage(
        "The catalogue is not valid YAML: the alias *{0} refers to no anchor &{0} before it (an alias may not refer to a node that contains it)");

    /// <summary>TG0002: a key the schema does not define.</summary>
    public static readonly DiagnosticRule UnknownKey = new(
        "TG0002", "Unknown key",
        "Unknown key '{0}' in {1}; expected one of: {2}",
        DiagnosticSeverityLevel.Error);


    /// <summary>TG0003: a required key is absent.</summary>
    public static readonly DiagnosticRule MissingKey = new(
        "TG0003", "Missing key",
        "Missing the required key '{1}' in {0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0003 for an AArch32 alias ({0}) given both an MCR and an MCRR encoding.</summary>
    public static readonly DiagnosticRule BothForms = MissingKey.WithMessage(
        "Missing the required key 'mcr or mcrr, not both' in {0} (exactly one of 'mcr' and 'mcrr')");

    /// <summary>TG0003 for an AArch32 alias ({0}) named alone in a mapping when the architecture gives the name two forms.</summary>
    public static readonly DiagnosticRule FormNotChosen = MissingKey.WithMessage(
        "Missing the required key 'mcr or mcrr' in {0} (it has an MCR and an MCRR form: give one, or write the name alone for both)");

    /// <summary>TG0004: a value of the wrong kind.</summary>
    public static readonly DiagnosticRule InvalidValue = new(
        "TG0004", "Invalid value",
        "Invalid value '{0}' for '{1}': expected {2}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0004 for a value that is none of the key's choices ({2}: the choices).</summary>
    public static readonly DiagnosticRule NoneOfTheChoices = InvalidValue.WithMessage(
        "Invalid value '{0}' for '{1}': expected one of {2}");

    /// <summary>TG0004 for a membership of an entry ({1}) that is no trap group mapped to a direction ({2}: the directions).</summary>
    public static readonly DiagnosticRule InvalidMembership = InvalidValue.WithMessage(
        "Invalid value '{0}' for 'traps of {1}': expected a trap group mapped to one of {2}");

    /// <summary>TG0005: an encoding field outside its architectural range.</summary>
    public static readonly DiagnosticRule FieldOutOfRange = new(
        "TG0005", "Encoding field out of range",
        "{0} of {1} is {2}, but it must be between {3} and {4}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0006: two registers or aliases share one encoding.</summary>
    public static readonly DiagnosticRule DuplicateEncoding = new(
        "TG0006", "Duplicate encoding",
        "{0} has the encoding {1}, which {2} already has; list another architectural name under 'other_names' instead of a second entry",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0007: two entries share one name.</summary>
    public static readonly DiagnosticRule DuplicateName = new(
        "TG0007", "Duplicate name",
        "The name '{0}' is already used by {1}; every register, alias and other name must be unique",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0007 for a name a register has already.</summary>
    public static readonly DiagnosticRule NameOfRegister = DuplicateName.WithMessage(
        "The name '{0}' is already used by the register {1}; every register, alias and other name must be unique");

    /// <summary>TG0007 for a name an alias of the same form ({1}: MCR or MCRR) has already.</summary>
    public static readonly DiagnosticRule NameOfAlias = DuplicateName.WithMessage(
        "The name '{0}' is already used by the {1} alias {2} of {3}; every register, alias and other name must be unique");

    /// <summary>TG0007 for a name another declaration of its kind ({1}: trap group, hook or emulator) has already.</summary>
    public static readonly DiagnosticRule NameOfAnother = DuplicateName.WithMessage(
        "The name '{0}' is already used by another {1}; every register, alias and other name must be unique");

    /// <summary>TG0007 for an instruction listed twice ({1}: the first entry's name).</summary>
    public static readonly DiagnosticRule InstructionListedTwice = DuplicateName.WithMessage(
        "The name '{0}' is already used by another entry of instructions ({1}): list each instruction once; every register, alias and other name must be unique");

    /// <summary>TG0008: a name that cannot become a C# identifier.</summary>
    public static readonly DiagnosticRule InvalidIdentifier = new(
        "TG0008", "Name is not a valid C# identifier",
        "'{0}' is not a valid C# identifier: use letters, digits and '_', not starting with a digit, and not a C# keyword",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0009: an alias whose view does not fit the widths.</summary>
    public static readonly DiagnosticRule InvalidView = new(
        "TG0009", "Alias view does not fit the register widths",
        "{0} is a {1}-bit access onto the {2}-bit register {3}; {4}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0009 for an MCR alias of a 64-bit register that does not say which half it reaches.</summary>
    public static readonly DiagnosticRule HalfNotChosen = InvalidView.WithMessage(
        "{0} is a {1}-bit access onto the {2}-bit register {3}; say which bits it reaches: view: lo ([31:0], keeping [63:32]), hi ([63:32], keeping [31:0]) or zero-extend (writes clear [63:32])");

    /// <summary>TG0009 for an MCR alias of a 32-bit register with a view other than whole.</summary>
    public static readonly DiagnosticRule ViewOfSameWidth = InvalidView.WithMessage(
        "{0} is a {1}-bit access onto the {2}-bit register {3}; both are 32 bits wide, so the view must be whole (remove 'view')");

    /// <summary>TG0009 for an MCRR alias of a 32-bit register.</summary>
    public static readonly DiagnosticRule WideAccessOfNarrowRegister = InvalidView.WithMessage(
        "{0} is a {1}-bit access onto the {2}-bit register {3}; a 64-bit MCRR/MRRC access needs a 64-bit register");

    /// <summary>TG0009 for an MCRR alias with a view other than whole.</summary>
    public static readonly DiagnosticRule ViewOfWholeAccess = InvalidView.WithMessage(
        "{0} is a {1}-bit access onto the {2}-bit register {3}; a 64-bit MCRR/MRRC access moves the whole register (remove 'view')");

    /// <summary>TG0010: two aliases map onto the same bits.</summary>
    public static readonly DiagnosticRule ConflictingViews = new(
        "TG0010", "Two aliases claim the same half",
        "{0} and {1} both map a 32-bit view onto bits {2} of {3}; give one of them the other half, or make one an 'other_names' entry",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0014: a reference to a trap group that is not declared.</summary>
    public static readonly DiagnosticRule UnknownTrapGroup = new(
        "TG0014", "Unknown trap group",
        "{0} names the trap group '{1}', which is not declared under 'trap_groups' (declared: {2})",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0015: a reference to a hook that is not declared.</summary>
    public static readonly DiagnosticRule UnknownHook = new(
        "TG0015", "Unknown hook",
        "{0} names the hook '{1}', which is not declared under 'hooks' (declared: {2})",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0016: an emulated register without a declared emulator, or the reverse.</summary>
    public static readonly DiagnosticRule UnknownHandler = new(
        "TG0016", "Unknown or missing handler",
        "{0}: {1}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0016 for a 'value' without handling: constant.</summary>
    public static readonly DiagnosticRule ValueWithoutConstant = UnknownHandler.WithMessage(
        "{0}: 'value' is only used with handling: constant; remove it or change the handling");

    /// <summary>TG0016 for handling: emulated without an emulator ({1}: the declared emulators).</summary>
    public static readonly DiagnosticRule EmulatedWithoutEmulator = UnknownHandler.WithMessage(
        "{0}: handling: emulated needs 'emulator: <Name>', naming one of the emulators declared under 'emulators' ({1})");

    /// <summary>TG0016 for an emulator with a handling other than emulated.</summary>
    public static readonly DiagnosticRule EmulatorWithoutEmulated = UnknownHandler.WithMessage(
        "{0}: 'emulator' is only used with handling: emulated; remove it or change the handling");

    /// <summary>TG0016 for an emulator that is not declared ({2}: the declared emulators).</summary>
    public static readonly DiagnosticRule UnknownEmulator = UnknownHandler.WithMessage(
        "{0}: the emulator '{1}' is not declared under 'emulators' (declared: {2})");

    /// <summary>TG0016 for an instruction with handling: hook and no hook.</summary>
    public static readonly DiagnosticRule HookHandlingWithoutHook = UnknownHandler.WithMessage(
        "{0}: handling: hook needs 'hook: <Name>', naming one of the hooks declared under 'hooks'; the hook runs with the instruction's operand");

    /// <summary>TG0016 for an instruction's hook with a handling other than hook ({1}).</summary>
    public static readonly DiagnosticRule HookWithoutHookHandling = UnknownHandler.WithMessage(
        "{0}: 'hook' is only used with handling: hook (it is {1}); remove it or change the handling");

    /// <summary>TG0017: a trap group that lacks accesses the architecture puts in it, and does not say what happens to them.</summary>
    public static readonly DiagnosticRule MissingArchitecturalMember = new(
        "TG0017", "Trap group lacks an architectural register",
        "{0} traps {1}, but {2}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0017 for a listed access that lacks the membership ({3}: the group, {4}: the direction).</summary>
    public static readonly DiagnosticRule MembershipMissing = MissingArchitecturalMember.WithMessage(
        "{0} traps {1}, but {2} is listed without that membership: add traps: {{ {3}: {4} }} to it");

    /// <summary>TG0017 for the accesses a group without 'others' does not list ({1}: how many, {2}: the first of them).</summary>
    public static readonly DiagnosticRule AccessesUnlisted = MissingArchitecturalMember.WithMessage(
        "{0} traps {1} that the catalogue does not list ({2}), but a trapped one would reach the unhandled path: list them (trapgen list --architecture), "
        + "or say what happens to the others with others: undefined (UNDEF, as KVM does), others: raz-wi or others: unhandled (the runtime's policy decides)");

    /// <summary>TG0018: a trap group or membership that contradicts the architecture.</summary>
    public static readonly DiagnosticRule ContradictsArchitecture = new(
        "TG0018", "Trap group contradicts the architecture",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0018 for a syndrome layout whose EC is not its class's ({1}, {3}: two hex digits).</summary>
    public static readonly DiagnosticRule ExceptionClassDiffers = ContradictsArchitecture.WithMessage(
        "{0} declares ec: 0x{1}, but the Arm ARM reports {2} traps with EC 0x{3}");

    /// <summary>TG0018 for a trap group named after an HCR_EL2 control ({3}: its qualified name) with another bit.</summary>
    public static readonly DiagnosticRule HcrBitDiffers = ContradictsArchitecture.WithMessage(
        "Trap group {0} declares hcr_bit: {1}, but {3} is bit {2}: write hcr_bit: {2}, or leave it out");

    /// <summary>TG0018 for an hcr_bit written for a group named after a control of another register (MDCR_EL2.TDA).</summary>
    public static readonly DiagnosticRule HcrBitOfOtherRegister = ContradictsArchitecture.WithMessage(
        "Trap group {0} is {1}, not an HCR_EL2 bit: leave hcr_bit out");

    /// <summary>TG0018 for two trap groups at one bit that is no HCR_EL2 control.</summary>
    public static readonly DiagnosticRule HcrBitShared = ContradictsArchitecture.WithMessage(
        "Trap groups {0} and {1} are both hcr_bit: {2}; a trap group is its bit: merge them into {0}");

    /// <summary>TG0018 for two trap groups at the bit of an HCR_EL2 control ({3}).</summary>
    public static readonly DiagnosticRule ControlShared = ContradictsArchitecture.WithMessage(
        "Trap groups {0} and {1} are both hcr_bit: {2} (HCR_EL2.{3}); a trap group is its bit: merge them into {0}");

    /// <summary>TG0018 for two trap groups named after one control ({2}: its qualified name) of a register other than HCR_EL2.</summary>
    public static readonly DiagnosticRule SameControl = ContradictsArchitecture.WithMessage(
        "Trap groups {0} and {1} are both {2}; a trap group is its control: merge them into {0}");

    /// <summary>
    /// TG0018 for a membership of a group whose control does not trap the access ({2}: " (HCR_EL2.TSW)" after a group named
    /// by the control's short name, empty after one named in full).
    /// </summary>
    public static readonly DiagnosticRule MembershipOutsideControl = ContradictsArchitecture.WithMessage(
        "{0} says {1}{2} traps it, but the architecture does not put it in {3}'s group; remove {1} from its traps");

    /// <summary>TG0018 for a membership in another direction than the control traps.</summary>
    public static readonly DiagnosticRule MembershipDirectionDiffers = ContradictsArchitecture.WithMessage(
        "{0} says {1} traps its {2}, but {3} traps its {4} only; write {1}: {5}");

    /// <summary>TG0019: declared but never used.</summary>
    public static readonly DiagnosticRule Unused = new(
        "TG0019", "Declared but not used",
        "The {0} '{1}' is declared but nothing refers to it; remove it or use it",
        DiagnosticSeverityLevel.Warning);

    /// <summary>TG0020: a passthrough that would hand the guest hypervisor state.</summary>
    public static readonly DiagnosticRule HypervisorStatePassthrough = new(
        "TG0020", "Passthrough to EL2 or EL3 state",
        "{0} ({1}) is EL{2} state: passing guest accesses through to it would let the guest change the hypervisor's own registers; {3}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0020 for an architectural register EL1 cannot access.</summary>
    public static readonly DiagnosticRule HypervisorRegisterPassthrough = HypervisorStatePassthrough.WithMessage(
        "{0} ({1}) is EL{2} state: passing guest accesses through to it would let the guest change the hypervisor's own registers; EL1 cannot access it, so a guest never traps on it: remove it, or emulate it");

    /// <summary>TG0020 for an IMPLEMENTATION DEFINED register at EL2 or EL3 that is not marked as a guest's AArch32 state.</summary>
    public static readonly DiagnosticRule ImplementationDefinedHypervisorPassthrough = HypervisorStatePassthrough.WithMessage(
        "{0} ({1}) is EL{2} state: passing guest accesses through to it would let the guest change the hypervisor's own registers; "
        + "if it holds a guest's AArch32 state, mark it guest_aarch32_state: true so that only its AArch32 aliases reach it, otherwise emulate it");

    /// <summary>TG0021: an encoding that the architecture gives another register, or a register the architecture encodes elsewhere.</summary>
    public static readonly DiagnosticRule EncodingContradictsArchitecture = new(
        "TG0021", "Encoding contradicts the architecture",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0021 for a register given another register's encoding ({4}: the YAML of its own).</summary>
    public static readonly DiagnosticRule EncodingOfAnotherRegister = EncodingContradictsArchitecture.WithMessage(
        "The encoding {0} is {1}; {2} is {3}: write {4}, or leave encoding out to take it from the architecture");

    /// <summary>TG0021 for a register given an encoding no architectural register has ({3}: the YAML of its own).</summary>
    public static readonly DiagnosticRule EncodingOfNoRegister = EncodingContradictsArchitecture.WithMessage(
        "The encoding {0} belongs to no architectural register; {1} is {2}: write {3}, or leave encoding out to take it from the architecture");

    /// <summary>TG0021 for an IMPLEMENTATION DEFINED register at an architectural register's encoding.</summary>
    public static readonly DiagnosticRule ImplementationDefinedAtArchitectural = EncodingContradictsArchitecture.WithMessage(
        "{0} is marked implementation_defined, but {1} is the architectural register {2}: use that name and drop implementation_defined, "
        + "or choose an encoding in the IMPLEMENTATION DEFINED space (op0 3, CRn 11 or 15)");

    /// <summary>TG0021 for an IMPLEMENTATION DEFINED register outside the space the Arm ARM reserves.</summary>
    public static readonly DiagnosticRule ImplementationDefinedOutsideSpace = EncodingContradictsArchitecture.WithMessage(
        "{0} is marked implementation_defined, but {1} is outside the IMPLEMENTATION DEFINED space (op0 3, CRn 11 or 15)");

    /// <summary>TG0022: a register name the architecture does not have.</summary>
    public static readonly DiagnosticRule UnknownRegisterName = new(
        "TG0022", "Not an architectural register name",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0022 for a name the architecture lacks at an architectural register's encoding ({1}; {2}: that register).</summary>
    public static readonly DiagnosticRule NameOfEncodedRegister = UnknownRegisterName.WithMessage(
        "{0} is not an architectural register name: {1} is {2}; name it {2}");

    /// <summary>TG0022 for an AArch64 name the architecture lacks, of an entry without an encoding.</summary>
    public static readonly DiagnosticRule UnknownAarch64Name = UnknownRegisterName.WithMessage(
        "The architecture has no AArch64 register named {0}. Use an architectural name, or give its encoding and mark it implementation_defined: true");

    /// <summary>TG0022 for an AArch64 name the architecture lacks, of an entry without an encoding, close to an architectural one ({1}).</summary>
    public static readonly DiagnosticRule UnknownAarch64NameSuggesting = UnknownRegisterName.WithMessage(
        "The architecture has no AArch64 register named {0}. Did you mean {1}? Use an architectural name, or give its encoding and mark it implementation_defined: true");

    /// <summary>TG0022 for an AArch64 name the architecture lacks, at an encoding ({1}) no register has.</summary>
    public static readonly DiagnosticRule UnknownAarch64NameAndEncoding = UnknownRegisterName.WithMessage(
        "The architecture has no AArch64 register named {0}, and none at {1}. If it is IMPLEMENTATION DEFINED, mark it implementation_defined: true");

    /// <summary>TG0022 for an AArch64 name the architecture lacks, close to an architectural one ({2}), at an encoding ({1}) no register has.</summary>
    public static readonly DiagnosticRule UnknownAarch64NameAndEncodingSuggesting = UnknownRegisterName.WithMessage(
        "The architecture has no AArch64 register named {0}, and none at {1}. Did you mean {2}? If it is IMPLEMENTATION DEFINED, mark it implementation_defined: true");

    /// <summary>TG0022 for an other name the architecture does not give the register ({2}: the ones it does).</summary>
    public static readonly DiagnosticRule NotAnotherRegisterName = UnknownRegisterName.WithMessage(NotAnotherNameFormat);

    /// <summary>TG0022 for an IMPLEMENTATION DEFINED register named as an architectural one.</summary>
    public static readonly DiagnosticRule ArchitecturalNameImplementationDefined = UnknownRegisterName.WithMessage(
        "{0} is the architectural register at {1}, not an IMPLEMENTATION DEFINED one; choose another name");

    /// <summary>TG0023: a width or access that contradicts the architecture.</summary>
    public static readonly DiagnosticRule PropertyContradictsArchitecture = new(
        "TG0023", "Width or access contradicts the architecture",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0023 for a declared width that is not the architecture's.</summary>
    public static readonly DiagnosticRule WidthDiffers = PropertyContradictsArchitecture.WithMessage(
        "{0} is a {1}-bit register in the architecture, but width: {2} is declared; write width: {1}, or leave width out");

    /// <summary>TG0023 for a declared access that is not the architecture's ({1}: the architecture's, described; {3}: spelled).</summary>
    public static readonly DiagnosticRule AccessDiffers = PropertyContradictsArchitecture.WithMessage(
        "{0} is {1} in the architecture, but access: {2} is declared; write access: {3}, or leave access out");

    /// <summary>TG0024: an AArch32 alias whose coordinates, name, register or view disagree with the architectural mapping.</summary>
    public static readonly DiagnosticRule AliasContradictsArchitecture = new(
        "TG0024", "AArch32 alias contradicts the architectural mapping",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0024 for an AArch32 name the architecture lacks.</summary>
    public static readonly DiagnosticRule UnknownAarch32Name = AliasContradictsArchitecture.WithMessage(
        "The architecture has no AArch32 cp15 register named {0}.");

    /// <summary>TG0024 for an AArch32 name the architecture lacks, close to an architectural one ({1}).</summary>
    public static readonly DiagnosticRule UnknownAarch32NameSuggesting = AliasContradictsArchitecture.WithMessage(
        "The architecture has no AArch32 cp15 register named {0}. Did you mean {1}?");

    /// <summary>TG0024 for an AArch32 name the architecture lacks, listed under a register ({2}; {1}: the names the architecture maps onto it).</summary>
    public static readonly DiagnosticRule UnknownAarch32NameOf = AliasContradictsArchitecture.WithMessage(
        "The architecture has no AArch32 cp15 register named {0} (the architecture maps {1} onto {2}).");

    /// <summary>TG0024 for an AArch32 name the architecture lacks, listed under a register ({2}; {1}: the names the architecture maps onto it), close to an architectural one ({3}).</summary>
    public static readonly DiagnosticRule UnknownAarch32NameOfSuggesting = AliasContradictsArchitecture.WithMessage(
        "The architecture has no AArch32 cp15 register named {0} (the architecture maps {1} onto {2}). Did you mean {3}?");

    /// <summary>TG0024 for an alias named otherwise than the architecture's register at its encoding.</summary>
    public static readonly DiagnosticRule AliasNameDiffers = AliasContradictsArchitecture.WithMessage(
        "{0} is {1} in the architecture, not {2}: name it {1}");

    /// <summary>TG0024 for an alias given an encoding no other AArch32 register has ({3}: the YAML of its own).</summary>
    public static readonly DiagnosticRule AliasEncodingDiffers = AliasContradictsArchitecture.WithMessage(
        "{0} is {1} in the architecture, but the catalogue gives {2}: write {3}, or leave it out to take it from the architecture");

    /// <summary>TG0024 for an alias given another AArch32 register's encoding ({3}: that register, {4}: the YAML of its own).</summary>
    public static readonly DiagnosticRule AliasEncodingOfAnother = AliasContradictsArchitecture.WithMessage(
        "{0} is {1} in the architecture, but the catalogue gives {2}, which is {3}: write {4}, or leave it out to take it from the architecture");

    /// <summary>TG0024 for an alias listed under another register than the one the architecture maps it onto.</summary>
    public static readonly DiagnosticRule AliasOfAnotherRegister = AliasContradictsArchitecture.WithMessage(
        "In the architecture {0} is mapped to {1}, not {2}: list it under {1}");

    /// <summary>TG0024 for an alias the architecture maps onto no AArch64 register.</summary>
    public static readonly DiagnosticRule AliasUnmapped = AliasContradictsArchitecture.WithMessage(
        "In the architecture {0} is not mapped to any AArch64 register");

    /// <summary>TG0024 for a declared view that is not the architecture's ({1}: the architecture's mapping; {3}: its view, spelled).</summary>
    public static readonly DiagnosticRule AliasViewDiffers = AliasContradictsArchitecture.WithMessage(
        "{0} is {1} in the architecture, but view: {2} is declared; write view: {3}, or leave view out to take it from the architecture");

    /// <summary>TG0024 for an other name the architecture does not give the alias ({2}: the ones it does).</summary>
    public static readonly DiagnosticRule NotAnotherAliasName = AliasContradictsArchitecture.WithMessage(NotAnotherNameFormat);

    /// <summary>TG0025: a catalogue over one of TrapGen's limits (size, nesting, nodes).</summary>
    public static readonly DiagnosticRule LimitExceeded = new(
        "TG0025", "Catalogue over a limit",
        "TrapGen stops reading: {0}; {1}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0025 for a catalogue longer ({0}: characters) than the limit ({1}; {2}: how to raise it).</summary>
    public static readonly DiagnosticRule CatalogueTooLong = LimitExceeded.WithMessage(
        "TrapGen stops reading: the catalogue is {0} characters long, over the limit of {1}; {2}");

    /// <summary>TG0025 for YAML nested deeper ({0}: levels) than the limit ({1}; {2}: how to raise it).</summary>
    public static readonly DiagnosticRule NestedTooDeep = LimitExceeded.WithMessage(
        "TrapGen stops reading: the YAML nests {0} levels deep here, over the limit of {1}; {2}");

    /// <summary>TG0025 for YAML of more nodes ({0}), aliases expanded, than the limit ({1}; {2}: how to raise it).</summary>
    public static readonly DiagnosticRule TooManyNodes = LimitExceeded.WithMessage(
        "TrapGen stops reading: the YAML has {0} nodes by here, counting each alias as the nodes it stands for, over the limit of {1}; {2}");

    /// <summary>TG0026: more diagnostics than the limit; the rest are counted, not reported.</summary>
    public static readonly DiagnosticRule MoreDiagnostics = new(
        "TG0026", "More diagnostics not shown",
        "{0} more diagnostic(s) not shown ({1} error(s)); fix the ones above first, or {2}",
        DiagnosticSeverityLevel.Warning);

    /// <summary>TG0027: bytes that are not UTF-8.</summary>
    public static readonly DiagnosticRule NotUtf8 = new(
        "TG0027", "Not UTF-8",
        "The catalogue is not valid UTF-8 here: a byte sequence that is no UTF-8 character was read as U+FFFD; save the file as UTF-8",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0028: the generator is referenced but the project has no catalogue.</summary>
    public static readonly DiagnosticRule NoCatalogue = new(
        "TG0028", "No catalogue",
        "TrapGen found no catalogue in this project{0}; add <AdditionalFiles Include=\"registers.yaml\" /> (any *.registers.yaml is one too), or name another file with <TrapGenCatalogue Include=\"my-registers.yaml\" />",
        DiagnosticSeverityLevel.Warning);

    /// <summary>TG0029: a second catalogue in one project.</summary>
    public static readonly DiagnosticRule SecondCatalogue = new(
        "TG0029", "More than one catalogue",
        "{0} is a second catalogue in this project (the first is {1}), and TrapGen generates one TrapDispatcher per project, so nothing is generated from it; merge the two, or move one into a project of its own",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0030: an instructions entry that is no System instruction EL1 can execute.</summary>
    public static readonly DiagnosticRule UnknownInstruction = new(
        "TG0030", "Not an EL1 System instruction",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0030 for an AArch64 register listed as an instruction.</summary>
    public static readonly DiagnosticRule RegisterNotInstruction = UnknownInstruction.WithMessage(
        "{0} is a register, not a System instruction: list it under registers");

    /// <summary>TG0030 for an AArch32 register ({0}) of an AArch64 one ({1}) listed as an instruction.</summary>
    public static readonly DiagnosticRule Aarch32RegisterNotInstruction = UnknownInstruction.WithMessage(
        "{0} is an AArch32 register, not a System instruction: list it under registers (as an aarch32 view of {1})");

    /// <summary>TG0030 for an AArch32 register the architecture maps onto no AArch64 one, listed as an instruction.</summary>
    public static readonly DiagnosticRule UnmappedAarch32RegisterNotInstruction = UnknownInstruction.WithMessage(
        "{0} is an AArch32 register, not a System instruction: list it under registers (as an aarch32 view of its AArch64 register)");

    /// <summary>TG0030 for a name that is no System instruction.</summary>
    public static readonly DiagnosticRule UnknownInstructionName = UnknownInstruction.WithMessage(
        "The architecture has no System instruction named {0}. Write an AArch64 one as its mnemonic and operation (DC CISW, TLBI VMALLE1IS) or an AArch32 one by its name (DCCISW); trapgen list --architecture lists them");

    /// <summary>TG0030 for a name that is no System instruction, close to one ({1}).</summary>
    public static readonly DiagnosticRule UnknownInstructionNameSuggesting = UnknownInstruction.WithMessage(
        "The architecture has no System instruction named {0}. Did you mean {1}? Write an AArch64 one as its mnemonic and operation (DC CISW, TLBI VMALLE1IS) or an AArch32 one by its name (DCCISW); trapgen list --architecture lists them");

    /// <summary>TG0030 for an instruction of a higher exception level ({1}) than EL1.</summary>
    public static readonly DiagnosticRule InstructionAboveEl1 = UnknownInstruction.WithMessage(
        "{0} is an EL{1} instruction: EL1 cannot execute it (it is UNDEFINED there), so it never traps to EL2; remove it");

    /// <summary>TG0031: a handling that does not fit the entry (a read handling for an instruction, fields without sanitised).</summary>
    public static readonly DiagnosticRule HandlingDoesNotFit = new(
        "TG0031", "Handling does not fit the entry",
        "{0}: {1}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0031 for a register handling ({1}) given to a System instruction.</summary>
    public static readonly DiagnosticRule ReadHandlingOfInstruction = HandlingDoesNotFit.WithMessage(
        "{0}: a System instruction is executed, never read or written, so handling: {1} has no value to give it; "
        + "use hook (run a hook with the operand), forward (perform it on the hardware), ignore or undefined");

    /// <summary>TG0031 for handling: sanitised of a write-only register.</summary>
    public static readonly DiagnosticRule SanitisedWriteOnly = HandlingDoesNotFit.WithMessage(
        "{0}: handling: sanitised gives reads a value, but the register is write-only; use passthrough, emulated, raz-wi or undefined");

    /// <summary>TG0031 for 'fields' with a handling ({1}) other than sanitised.</summary>
    public static readonly DiagnosticRule FieldsWithoutSanitised = HandlingDoesNotFit.WithMessage(
        "{0}: 'fields' is only used with handling: sanitised (it is {1}); remove it or write handling: sanitised");

    /// <summary>TG0032: a sanitised field the register does not have, or a value that does not fit it.</summary>
    public static readonly DiagnosticRule InvalidFieldOverride = new(
        "TG0032", "Invalid field override",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0032 for a field of a register the architecture's field table lacks ({1}: the field, {2}: its value).</summary>
    public static readonly DiagnosticRule NoFieldTable = InvalidFieldOverride.WithMessage(
        "The architecture's field table has no fields for {0}: declare the field's bits, {1}: {{ lsb: <bit>, width: <bits>, value: {2} }}");

    /// <summary>TG0032 for a field ({1}) the register does not have ({2}: its fields, {3}: the value).</summary>
    public static readonly DiagnosticRule UnknownField = InvalidFieldOverride.WithMessage(
        "{0} has no field named {1} (its fields: {2}); for a field the architecture's table lacks, declare its bits: {1}: {{ lsb: <bit>, width: <bits>, value: {3} }}");

    /// <summary>TG0032 for a field ({1}) the register does not have, close to one it has ({4}; {2}: its fields, {3}: the value).</summary>
    public static readonly DiagnosticRule UnknownFieldSuggesting = InvalidFieldOverride.WithMessage(
        "{0} has no field named {1}; did you mean {4}? (its fields: {2}); for a field the architecture's table lacks, declare its bits: {1}: {{ lsb: <bit>, width: <bits>, value: {3} }}");

    /// <summary>TG0032 for a field declared at other bits ({3}, {4}: lsb and width; {5}: the range) than the architecture's ({2}; {6}: the value).</summary>
    public static readonly DiagnosticRule FieldBitsDiffer = InvalidFieldOverride.WithMessage(
        "{0}.{1} is bits [{2}] in the architecture, but lsb: {3}, width: {4} ([{5}]) is declared: write {1}: {6}, taking its bits from the architecture");

    /// <summary>TG0032 for a declared field ({2}: its range) past the register's width ({3}; {4}: its top bit).</summary>
    public static readonly DiagnosticRule FieldOutsideRegister = InvalidFieldOverride.WithMessage(
        "{0}.{1} [{2}] lies outside the {3}-bit register; its bits must be within [{4}:0]");

    /// <summary>TG0032 for a value ({0}) larger than its field ({1}.{2} [{3}], {4} bits) holds ({5}).</summary>
    public static readonly DiagnosticRule FieldValueTooWide = InvalidFieldOverride.WithMessage(
        "{0} does not fit {1}.{2} [{3}], a {4}-bit field (at most {5}): give a value the field can hold");

    /// <summary>TG0032 for a field ({1} [{2}]) whose bits overlap a field given before ({3} [{4}]).</summary>
    public static readonly DiagnosticRule FieldsOverlap = InvalidFieldOverride.WithMessage(
        "{0}.{1} [{2}] overlaps {3} [{4}]: give each bit one value");

    /// <summary>TG0033: a key TrapGen no longer reads ({0}): the catalogue's syndrome: section, now that the layouts are the architecture's.</summary>
    public static readonly DiagnosticRule SyndromeRetired = new(
        "TG0033", "Key no longer needed",
        "'{0}' is no longer needed: the ESR_EL2 and ISS layouts are the architecture's (TrapGen.Architecture's layouts.table and trap-classes.table), which a catalogue does not restate; remove the section",
        DiagnosticSeverityLevel.Warning);

    /// <summary>TG0034: a <c>cpus:</c> list that names no CPU model TrapGen has, none at all, or one twice.</summary>
    public static readonly DiagnosticRule InvalidCpuList = new(
        "TG0034", "Invalid CPU model list",
        "{0}",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0034 for a name ({0}: CpuModels.Unknown's sentence, with the closest models) that is no model.</summary>
    public static readonly DiagnosticRule UnknownCpu = InvalidCpuList.WithMessage(
        "cpus: {0}; name one of TrapGen's models, or remove it");

    /// <summary>TG0034 for an empty <c>cpus:</c> list.</summary>
    public static readonly DiagnosticRule NoCpus = InvalidCpuList.WithMessage(
        "cpus lists no CPU model: name the models the catalogue is written for (cpus: [cortex-a57]; trapgen list --cpus lists them), or remove cpus to check against the architecture alone");

    /// <summary>TG0034 for a model ({0}) listed twice.</summary>
    public static readonly DiagnosticRule CpuListedTwice = InvalidCpuList.WithMessage(
        "cpus lists {0} twice; remove this one");

    /// <summary>TG0035: an entry that none of the catalogue's CPU models implements.</summary>
    public static readonly DiagnosticRule NotOnTheCpus = new(
        "TG0035", "Not implemented on the catalogue's CPUs",
        "{0}",
        DiagnosticSeverityLevel.Warning);

    /// <summary>TG0035 for a register or instruction ({0}: its kind and name) none of the models ({1}: each with what it lacks) has.</summary>
    public static readonly DiagnosticRule NoCpuImplements = NotOnTheCpus.WithMessage(
        "{0} is not implemented on {1}, so an access UNDEFs at EL1 before any trap and this entry never runs: remove it, or add a model that has it to cpus");

    /// <summary>TG0035 for a trap group whose control ({0}: its qualified name) some of the models ({1}: each with what it lacks) do not have.</summary>
    public static readonly DiagnosticRule ControlNotOnCpus = NotOnTheCpus.WithMessage(
        "The trap control {0} does not exist on {1}: there its field is RES0 and traps nothing, so the hypervisor cannot set it and no access reaches this group through it; "
        + "key the group on a control every model has, add if_implemented: true if the hypervisor sets it only on CPUs that have it (as KVM sets its fine-grained traps only with FEAT_FGT), "
        + "or remove the model from cpus");

    /// <summary>TG0036: a sanitised field ({0}.{1} = {2}) that shows the guest more than CPU models ({3}: each with its value) have ({4}: the most it may be; {5}: a signed field's note, or nothing).</summary>
    public static readonly DiagnosticRule FieldAboveCpu = new(
        "TG0036", "Sanitised field advertises more than the CPU has",
        "{0}.{1} = {2} advertises more than the hardware has on {3}: a sanitised ID register may only hide features{5}; give at most {4}, or remove the model from cpus",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0037: a trap group named by a fine-grained field ({0}) without its register ({1}: the registers that have it; {2}: the qualified names to write).</summary>
    public static readonly DiagnosticRule ControlNeedsRegister = new(
        "TG0037", "Fine-grained trap control named without its register",
        "Trap group {0} names a field of {1}: a fine-grained trap control is named with its register, as REGISTER.FIELD; write {2} (or give hcr_bit for an HCR_EL2 bit of the catalogue's own)",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0038: a trap group with a qualified name ({0}) that is no control of the architecture's tables.</summary>
    public static readonly DiagnosticRule UnknownControlName = new(
        "TG0038", "Unknown trap control",
        "The architecture has no trap control named {0}: name one as REGISTER.FIELD, such as MDCR_EL2.TDA or HFGRTR_EL2.TCR_EL1 (trapgen list --architecture lists them)",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0038 for a qualified name close to a control's ({1}).</summary>
    public static readonly DiagnosticRule UnknownControlNameSuggesting = UnknownControlName.WithMessage(
        "The architecture has no trap control named {0}. Did you mean {1}? Name one as REGISTER.FIELD, such as MDCR_EL2.TDA or HFGRTR_EL2.TCR_EL1 (trapgen list --architecture lists them)");

    /// <summary>TG9999: the generator failed; a bug in TrapGen.</summary>
    public static readonly DiagnosticRule InternalError = new(
        "TG9999", "TrapGen internal error",
        "TrapGen failed while processing this catalogue ({0}: {1}); no code was generated. Please report this with the catalogue attached.",
        DiagnosticSeverityLevel.Error);

    /// <summary>TG0039: a trap group's <c>if_implemented</c> on a control ({0}: its qualified name, or the group's name) that every CPU has.</summary>
    public static readonly DiagnosticRule IfImplementedWithoutEffect = new(
        "TG0039", "Key without effect",
        "if_implemented has no effect on {0}: it needs no feature, so every CPU implements it; remove the key",
        DiagnosticSeverityLevel.Warning);

    /// <summary>Gets every rule, in ID order.</summary>
    public static DiagnosticRule[] All =>
    [
        MalformedYaml, UnknownKey, MissingKey, InvalidValue, FieldOutOfRange, DuplicateEncoding, DuplicateName,
        InvalidIdentifier, InvalidView, ConflictingViews, UnknownTrapGroup, UnknownHook, UnknownHandler, MissingArchitecturalMember,
        ContradictsArchitecture, Unused, HypervisorStatePassthrough, EncodingContradictsArchitecture, UnknownRegisterName,
        PropertyContradictsArchitecture, AliasContradictsArchitecture, LimitExceeded, MoreDiagnostics, NotUtf8, NoCatalogue, SecondCatalogue,
        UnknownInstruction, HandlingDoesNotFit, InvalidFieldOverride, SyndromeRetired, InvalidCpuList, NotOnTheCpus, FieldAboveCpu, ControlNeedsRegister, UnknownControlName, IfImplementedWithoutEffect, InternalError,
    ];
}

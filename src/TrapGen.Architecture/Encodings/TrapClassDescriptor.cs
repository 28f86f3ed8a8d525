using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// What one trapped exception class is, as data: its EC, its ISS layout, the instructions it reports and
/// where in the ISS each of their operands lives. <see cref="TrapClassDescriptors"/> holds one for every
/// class TrapGen understands, and is the one place that looks a class up by its EC.
/// </summary>
public sealed class TrapClassDescriptor
{
    /// <summary>Creates the descriptor of one exception class; a field left null is one its ISS does not report.</summary>
    /// <param name="exceptionClass">The EC (ESR_EL2 [31:26]).</param>
    /// <param name="instructions">The instructions it reports, as <c>MSR/MRS</c>.</param>
    /// <param name="iss">Its ISS layout.</param>
    /// <param name="isAarch64">True when it reports an A64 instruction, false for AArch32.</param>
    /// <param name="kind">The trap class TrapGen's generated dispatch handles it as, or null.</param>
    /// <param name="op0">The field holding op0.</param>
    /// <param name="op1">The field holding op1 (opc1).</param>
    /// <param name="crn">The field holding CRn.</param>
    /// <param name="crm">The field holding CRm.</param>
    /// <param name="op2">The field holding op2 (opc2).</param>
    /// <param name="rt">The transfer register.</param>
    /// <param name="rt2">The second transfer register.</param>
    /// <param name="direction">The direction (1 = read).</param>
    /// <param name="isAlwaysRead">True when every instruction of the class is a read, whatever the ISS says.</param>
    /// <param name="conditionValid">CV: 1 when <paramref name="condition"/> is valid.</param>
    /// <param name="condition">COND: the condition code.</param>
    /// <param name="conditionKnownPass">CCKNOWNPASS: 0 when the condition is known to have passed, so CV and COND are not reported.</param>
    /// <param name="immediate">The instruction's immediate.</param>
    /// <param name="fixedFields">The fields the Arm ARM fixes for the class.</param>
    public TrapClassDescriptor(
        uint exceptionClass,
        string instructions,
        BitLayout iss,
        bool isAarch64,
        TrapClassKind? kind = null,
        BitField? op0 = null,
        BitField? op1 = null,
        BitField? crn = null,
        BitField? crm = null,
        BitField? op2 = null,
        BitField? rt = null,
        BitField? rt2 = null,
        BitField? direction = null,
        bool isAlwaysRead = false,
        BitField? conditionValid = null,
        BitField? condition = null,
        BitField? conditionKnownPass = null,
        BitField? immediate = null,
        IReadOnlyList<FixedField>? fixedFields = null)
    {
        ExceptionClass = exceptionClass;
        Instructions = instructions;
        Iss = iss;
        IsAarch64 = isAarch64;
        Kind = kind;
        Op0 = op0;
        Op1 = op1;
        CRn = crn;
        CRm = crm;
        Op2 = op2;
        Rt = rt;
        Rt2 = rt2;
        Direction = direction;
        IsAlwaysRead = isAlwaysRead;
        ConditionValid = conditionValid;
        Condition = condition;
        ConditionKnownPass = conditionKnownPass;
        Immediate = immediate;
        FixedFields = fixedFields ?? [];
        KeyFields = [.. new[] { op0, op1, crn, crm, op2 }.Where(f => f is not null).Select(f => f!)];
        KeyFieldNames = [.. KeyFields.Select(f => f.Name)];
        KeyMask = (uint)KeyFields.Aggregate(0UL, (mask, field) => mask | field.Mask);
        // CV and CCKNOWNPASS are one bit each: the condition is reported when all the class has are 1.
        ConditionReportedMask = conditionValid is null ? 0 : (uint)(conditionValid.Mask | (conditionKnownPass?.Mask ?? 0));
        RequiredFields = [.. new[] { conditionValid, condition }.Concat(KeyFields).Concat([rt, rt2, direction]).Where(f => f is not null).Select(f => f!)];
    }

    /// <summary>Gets the exception class (ESR_EL2.EC).</summary>
    public uint ExceptionClass { get; }

    /// <summary>Gets the instructions the class reports, as <c>MSR/MRS</c> or <c>MCRR/MRRC</c>.</summary>
    public string Instructions { get; }

    /// <summary>Gets the ISS layout.</summary>
    public BitLayout Iss { get; }

    /// <summary>Gets whether the class reports an A64 instruction (false: an AArch32 one).</summary>
    public bool IsAarch64 { get; }

    /// <summary>Gets the trap class TrapGen's generated dispatch handles this class as; null for the classes it only decodes (cp14, VMRS, SMC).</summary>
    public TrapClassKind? Kind { get; }

    /// <summary>Gets the field holding op0, or null.</summary>
    public BitField? Op0 { get; }

    /// <summary>Gets the field holding op1 (opc1 of AArch32), or null.</summary>
    public BitField? Op1 { get; }

    /// <summary>Gets the field holding CRn, or null.</summary>
    public BitField? CRn { get; }

    /// <summary>Gets the field holding CRm, or null.</summary>
    public BitField? CRm { get; }

    /// <summary>Gets the field holding op2 (opc2 of AArch32), or null.</summary>
    public BitField? Op2 { get; }

    /// <summary>Gets the fields that identify the register (the key), in the order an encoding is written.</summary>
    public IReadOnlyList<BitField> KeyFields { get; }

    /// <summary>Gets the names of <see cref="KeyFields"/>.</summary>
    public IReadOnlyList<string> KeyFieldNames { get; }

    /// <summary>Gets the OR of the key fields' masks: the ISS bits that identify a register.</summary>
    public uint KeyMask { get; }

    /// <summary>Gets the transfer register field, or null.</summary>
    public BitField? Rt { get; }

    /// <summary>Gets the second transfer register field (MCRR/MRRC), or null.</summary>
    public BitField? Rt2 { get; }

    /// <summary>Gets the direction field (1 = read), or null when the ISS reports none to read.</summary>
    public BitField? Direction { get; }

    /// <summary>Gets whether every instruction of the class is a read (VMRS), whatever its ISS says.</summary>
    public bool IsAlwaysRead { get; }

    /// <summary>Gets CV, 1 when <see cref="Condition"/> is valid; null for a class with no condition.</summary>
    public BitField? ConditionValid { get; }

    /// <summary>Gets COND, the condition code; null for a class with no condition.</summary>
    public BitField? Condition { get; }

    /// <summary>Gets CCKNOWNPASS (A32 SMC): 0 when the condition is known to have passed, and CV and COND are then RES0; null for other classes.</summary>
    public BitField? ConditionKnownPass { get; }

    /// <summary>Gets the ISS bits that must all be 1 for COND to be checked (CV, and CCKNOWNPASS where the class has it); 0 for a class with no condition.</summary>
    public uint ConditionReportedMask { get; }

    /// <summary>Gets the instruction's immediate (A64 SMC's imm16), or null.</summary>
    public BitField? Immediate { get; }

    /// <summary>Gets the fields the Arm ARM fixes for the class: a trapped VMRS reports opc1 0b111, opc2 and CRm 0 and a read.</summary>
    public IReadOnlyList<FixedField> FixedFields { get; }

    /// <summary>Gets every field a catalogue's layout of this class must declare: CV and COND, the key, Rt, Rt2 and the direction.</summary>
    public IReadOnlyList<BitField> RequiredFields { get; }

    /// <summary>Gets whether the access <paramref name="iss"/> reports is a read.</summary>
    public bool IsRead(uint iss) => IsAlwaysRead || (Direction is { } direction && direction.Extract(iss) == 1);

    /// <summary>Gets whether <paramref name="iss"/> leaves the instruction's condition to check: CCKNOWNPASS is not 0 and CV is 1.</summary>
    public bool ReportsCondition(uint iss) => ConditionReportedMask != 0 && (iss & ConditionReportedMask) == ConditionReportedMask;

    /// <inheritdoc/>
    public override string ToString() => "EC 0x" + ExceptionClass.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " (" + Instructions + ")";
}

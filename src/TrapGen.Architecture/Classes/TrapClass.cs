using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// One exception class of trapped instructions (a row of Tables/trap-classes.table): its EC, its ISS layout,
/// which fields identify the register and in what order, where the transfer registers, the direction and
/// the AArch32 condition are, how the access moves its value (<see cref="Form"/>) and, for an AArch32 class,
/// its coprocessor. <see cref="TrapClasses"/> holds every one and is the one lookup by EC. Everything that
/// decodes, builds, checks, dispatches or prints a trap asks its class; none of them branches on which class
/// it is.
/// </summary>
public sealed class TrapClass
{
    /// <summary>Creates a class; Tables/trap-classes.table's rows are the only callers.</summary>
    /// <param name="name">Its name, from which generated code is named: <c>Mcr</c>, <c>Cp14Mcr</c>.</param>
    /// <param name="exceptionClass">ESR_EL2.EC.</param>
    /// <param name="state">Which Execution state's instructions it reports.</param>
    /// <param name="iss">Its ISS layout.</param>
    /// <param name="form">How an access moves its value, or null for a class that moves none (SMC, WFI).</param>
    /// <param name="coprocessor">The coprocessor of an AArch32 class (15, 14 or 10), or 0.</param>
    /// <param name="keyFields">The fields that identify the register, in the order an encoding is written.</param>
    /// <param name="rt">The transfer register; for a class without a form, the register operand an instruction of it may name (WFIT's RN), or null.</param>
    /// <param name="rt2">The second transfer register (MCRR, MRRC).</param>
    /// <param name="rn">For a class without a form, the base register of the address an instruction of it names (GCSSTR's Raddr), or null.</param>
    /// <param name="memory">Where an LDC or STC finds its word of memory.</param>
    /// <param name="direction">The direction field.</param>
    /// <param name="readWhen">When an access reads the register.</param>
    /// <param name="conditionValid">CV, for an AArch32 class.</param>
    /// <param name="condition">COND, for an AArch32 class.</param>
    /// <param name="conditionKnownPass">CCKNOWNPASS (A32 SMC): CV and COND count only when it is 1.</param>
    /// <param name="immediate">The field holding the instruction's immediate (A64 SMC).</param>
    /// <param name="coversListedRowsOnly">True when only the registers the tables list are accesses of the class (VMRS).</param>
    /// <param name="instructions">The instructions it reports: <c>MCR/MRC</c>.</param>
    public TrapClass(
        string name,
        uint exceptionClass,
        TrapClassState state,
        BitLayout iss,
        AccessForm? form,
        int coprocessor,
        IReadOnlyList<BitField> keyFields,
        BitField? rt,
        BitField? rt2,
        BitField? rn,
        MemoryOperand? memory,
        BitField? direction,
        ReadWhen readWhen,
        BitField? conditionValid,
        BitField? condition,
        BitField? conditionKnownPass,
        BitField? immediate,
        bool coversListedRowsOnly,
        string instructions)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ExceptionClass = exceptionClass;
        State = state;
        Iss = iss ?? throw new ArgumentNullException(nameof(iss));
        Form = form;
        Coprocessor = coprocessor;
        KeyFields = keyFields ?? throw new ArgumentNullException(nameof(keyFields));
        KeyMask = (uint)keyFields.Aggregate(0UL, (mask, field) => mask | field.Mask);
        Rt = rt;
        Rt2 = rt2;
        Rn = rn;
        Memory = memory;
        Direction = direction;
        ReadWhen = readWhen;
        ConditionValid = conditionValid;
        Condition = condition;
        ConditionKnownPass = conditionKnownPass;
        // CV and CCKNOWNPASS are one bit each: the condition is reported when all the class has are 1.
        ConditionReportedMask = conditionValid is null ? 0 : (uint)(conditionValid.Mask | (conditionKnownPass?.Mask ?? 0));
        ConditionShift = condition?.Lsb ?? 0;
        Immediate = immediate;
        CoversListedRowsOnly = coversListedRowsOnly;
        Instructions = instructions ?? throw new ArgumentNullException(nameof(instructions));
    }

    /// <summary>Gets the class's name: <c>Msr</c>, <c>Mcr</c>, <c>Cp14Mcr</c>, <c>LdcStc</c>, <c>Vmrs</c>. Generated code is named after it (<c>McrIss</c>, <c>McrKeys</c>, <c>DispatchMcr</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the exception class (ESR_EL2.EC).</summary>
    public uint ExceptionClass { get; }

    /// <summary>Gets which Execution state's instructions the class reports.</summary>
    public TrapClassState State { get; }

    /// <summary>Gets whether the class reports A64 instructions only.</summary>
    public bool IsAarch64 => State == TrapClassState.Aarch64;

    /// <summary>Gets whether the class reports AArch32 instructions (A32 or T32) only.</summary>
    public bool IsAarch32 => State == TrapClassState.Aarch32;

    /// <summary>Gets whether an instruction of <paramref name="aarch64"/>'s state (true: A64; false: A32 or T32) can be reported in this class.</summary>
    public bool Reports(bool aarch64) => State == TrapClassState.Either || IsAarch64 == aarch64;

    /// <summary>Gets the ISS layout.</summary>
    public BitLayout Iss { get; }

    /// <summary>Gets how an access of the class moves its value, or null when it moves none (SMC): a class with a form is one a catalogue dispatches.</summary>
    public AccessForm? Form { get; }

    /// <summary>Gets whether a catalogue's registers are dispatched in this class: it has a form.</summary>
    public bool IsDispatchable => Form is not null;

    /// <summary>Gets the coprocessor of an AArch32 class: 15 (system control), 14 (debug) or 10 (VMRS); 0 for the others.</summary>
    public int Coprocessor { get; }

    /// <summary>Gets the fields that identify the register (the key), in the order an encoding is written; none when the class reaches one register.</summary>
    public IReadOnlyList<BitField> KeyFields { get; }

    /// <summary>Gets the OR of the key fields' masks: the ISS bits that identify a register.</summary>
    public uint KeyMask { get; }

    /// <summary>Gets the transfer register field, or null.</summary>
    public BitField? Rt { get; }

    /// <summary>Gets the second transfer register field (MCRR, MRRC), or null.</summary>
    public BitField? Rt2 { get; }

    /// <summary>Gets the base register of the address an instruction of a class without a form names (GCSSTR's and GCSSTTR's Raddr: Xn or SP), or null.</summary>
    public BitField? Rn { get; }

    /// <summary>Gets where an LDC or STC finds its word of memory, or null for the other classes.</summary>
    public MemoryOperand? Memory { get; }

    /// <summary>Gets the direction field, or null when the ISS reports none.</summary>
    public BitField? Direction { get; }

    /// <summary>Gets when an access reads the register.</summary>
    public ReadWhen ReadWhen { get; }

    /// <summary>Gets CV, 1 when <see cref="Condition"/> is valid; null for a class with no condition.</summary>
    public BitField? ConditionValid { get; }

    /// <summary>Gets COND, the condition code; null for a class with no condition.</summary>
    public BitField? Condition { get; }

    /// <summary>Gets CCKNOWNPASS (A32 SMC): 0 when the condition is known to have passed, and CV and COND are then RES0; null for other classes.</summary>
    public BitField? ConditionKnownPass { get; }

    /// <summary>Gets the ISS bits that must all be 1 for COND to be checked (CV, and CCKNOWNPASS where the class has it); 0 for a class with no condition.</summary>
    public uint ConditionReportedMask { get; }

    /// <summary>Gets where COND starts in the ISS (its lsb), for a check that takes its four bits by one shift; 0 for a class with no condition.</summary>
    public int ConditionShift { get; }

    /// <summary>Gets the instruction's immediate (A64 SMC's imm16), or null.</summary>
    public BitField? Immediate { get; }

    /// <summary>Gets whether only the registers the tables list are accesses of this class (VMRS: a VMRS of FPSCR is no ID access).</summary>
    public bool CoversListedRowsOnly { get; }

    /// <summary>Gets the fields the Arm ARM fixes for the class: a trapped VMRS reports opc1 0b111, opc2 and CRm 0 and a read.</summary>
    public IReadOnlyList<FixedField> FixedFields => Iss.FixedFields;

    /// <summary>Gets the instructions the class reports, as <c>MSR/MRS</c> or <c>MCRR/MRRC</c>.</summary>
    public string Instructions { get; }

    /// <summary>Gets the instruction that writes the register, for messages: <c>MSR</c>, <c>MCR</c>, <c>MRRC</c>, <c>LDC</c>, <c>VMRS</c>.</summary>
    public string WriteMnemonic => Instructions.Split('/')[0];

    /// <summary>Gets how many bits an access moves: 128 for the Xt/Xt+1 pair, 64 for Xt and the Rt/Rt2 pair, 32 for Rt and a word of memory, 0 for no value.</summary>
    public int TransferWidth => Form switch
    {
        AccessForm.Msrr => 128,
        AccessForm.Msr or AccessForm.Mcrr => 64,
        null => 0,
        _ => 32,
    };

    /// <summary>
    /// Gets whether the class moves its value through an even-numbered pair of X registers whose first its ISS's Rt field
    /// holds halved (MRRS, MSRR: X[2 * Rt] and X[2 * Rt + 1]).
    /// </summary>
    public bool TransfersRegisterPair => Form == AccessForm.Msrr;

    /// <summary>Gets whether the access <paramref name="iss"/> reports is a read of the register.</summary>
    public bool IsRead(uint iss) => ReadWhen switch
    {
        ReadWhen.Always => true,
        ReadWhen.DirectionOne => Direction!.Extract(iss) == 1,
        ReadWhen.DirectionZero => Direction!.Extract(iss) == 0,
        _ => false,
    };

    /// <summary>Gets the Direction value an access in the given direction reports.</summary>
    public uint DirectionOf(bool isRead) => ReadWhen == ReadWhen.DirectionZero ? (isRead ? 0u : 1u) : (isRead ? 1u : 0u);

    /// <summary>Gets whether <paramref name="iss"/> leaves the instruction's condition to check: CCKNOWNPASS is not 0 and CV is 1.</summary>
    public bool ReportsCondition(uint iss) => ConditionReportedMask != 0 && (iss & ConditionReportedMask) == ConditionReportedMask;

    /// <summary>Gets the register key of <paramref name="iss"/>: the ISS masked to <see cref="KeyMask"/>.</summary>
    public uint KeyOf(uint iss) => iss & KeyMask;

    /// <summary>Gets the ISS key that places <paramref name="values"/> in <see cref="KeyFields"/>, pairwise: the one computation of a register key.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not have one value per key field.</exception>
    public uint Key(IReadOnlyList<int> values)
    {
        if (values is null || values.Count != KeyFields.Count)
        {
            throw new ArgumentException("The key of " + Name + " has " + KeyFields.Count.ToString(CultureInfo.InvariantCulture) + " fields", nameof(values));
        }

        ulong key = 0;
        for (var i = 0; i < KeyFields.Count; i++)
        {
            key |= KeyFields[i].Insert(0, (ulong)values[i]);
        }

        return (uint)key;
    }

    /// <summary>Gets the value of the key field called <paramref name="fieldName"/> in <paramref name="key"/>, or 0 when the class has no such key field.</summary>
    public uint KeyValue(uint key, string fieldName)
    {
        for (var i = 0; i < KeyFields.Count; i++)
        {
            if (KeyFields[i].Name == fieldName)
            {
                return (uint)KeyFields[i].Extract(key);
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override string ToString() => "EC 0x" + ExceptionClass.ToString("X2", CultureInfo.InvariantCulture) + " (" + Instructions + (Coprocessor == 0 ? string.Empty : " p" + Coprocessor.ToString(CultureInfo.InvariantCulture)) + ")";
}

using System;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// Reads and writes the assembler syntax of the instructions the EL2 trap controls reach:
/// <c>msr sctlr_el1, x0</c>, <c>mrs x1, s3_3_c14_c0_1</c>, <c>mrrs x0, x1, ttbr0_el1</c>, <c>dc cisw, x0</c>, <c>mcrne p15, 0, r0, c1, c0, 0</c>,
/// <c>mrrc p14, 0, r2, r3, c1</c>, <c>ldc p14, c5, [r1], #4</c>, <c>vmrs r0, fpsid</c>, <c>smc #0</c>, <c>svc #0</c>,
/// <c>eret</c>, <c>eretaa</c>, <c>wfi</c>, <c>wfit x3</c>, and any of them, or a SIMD and floating-point instruction, as GNU as's <c>.inst 0x1e270020</c>. Also accepts
/// objdump's spelling (<c>mcr 15, 0, r0, cr1, cr0, {0}</c>). One rule names the instruction set: a leading
/// <c>a64</c>, <c>a32</c> or <c>t32</c>, as for instruction words; without it, the mnemonic's own state (SMC,
/// which both have, is A64). Which coprocessor an AArch32 move names picks its trap class. System register names
/// come from <see cref="SystemRegisterNames"/>: the architecture's, unless a caller with a catalogue gives its own.
/// Never throws: a malformed line yields a one-sentence error.
/// </summary>
public static class SystemInstructionSyntax
{
    private const uint SystemInstructionOp0 = 1;

    private static readonly string[] Mnemonics = ["mrrc", "mcrr", "mrc", "mcr", "mrs", "msr", "sysl", "sys", "vmrs", "smc", "ldc", "stc", "wfit", "wfet", "wfi", "wfe"];

    /// <summary>Parses one instruction; <paramref name="thumb"/> makes AArch32 instructions T32 instead of A32 (a set named in the text wins).</summary>
    public static bool TryParse(string text, bool thumb, out SystemRegisterAccess access, out string error) =>
        TryParse(text, thumb, SystemRegisterNames.Architectural, out access, out error);

    /// <summary>Parses one instruction, knowing the register names <paramref name="names"/> has.</summary>
    public static bool TryParse(string text, bool thumb, SystemRegisterNames names, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var trimmed = (text ?? string.Empty).Trim();
        var (named, rest) = SplitHead(trimmed);
        InstructionSet? set = named.ToLowerInvariant() switch
        {
            "a64" => InstructionSet.A64,
            "a32" => InstructionSet.A32,
            "t32" => InstructionSet.T32,
            _ => null,
        };
        if (set is not null)
        {
            trimmed = rest;
            thumb = set == InstructionSet.T32;
        }

        if (!TryParseInstruction(trimmed, thumb, set, names ?? SystemRegisterNames.Architectural, out access, out error))
        {
            return false;
        }

        var aarch64 = access.Class.IsAarch64;
        if (set is { } wanted && !access.Class.Reports(wanted == InstructionSet.A64))
        {
            error = "'" + SplitHead(trimmed).Head.ToLowerInvariant() + "' is " + (aarch64 ? "an A64" : "an AArch32") + " instruction, not " + wanted;
            access = default;
            return false;
        }

        return true;
    }

    private static bool TryParseInstruction(string trimmed, bool thumb, InstructionSet? set, SystemRegisterNames names, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var (rawHead, rest) = SplitHead(trimmed);
        var head = rawHead.ToLowerInvariant();
        var operands = rest.Length == 0 ? [] : rest.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal)
            .Split(',', StringSplitOptions.TrimEntries);
        if (head.Length == 0)
        {
            error = "empty instruction";
            return false;
        }

        if (head == InstructionWordSyntax.Directive)
        {
            return InstructionWordSyntax.TryParse(set ?? (thumb ? InstructionSet.T32 : InstructionSet.A64), rest, out access, out error);
        }

        if (SmeModeSyntax.IsMnemonic(head) && set is null or InstructionSet.A64)
        {
            return SmeModeSyntax.TryParse(head, operands, out access, out error);
        }

        if (SingleCopyAtomic64Syntax.IsMnemonic(head) && set is null or InstructionSet.A64)
        {
            return SingleCopyAtomic64Syntax.TryParse(head, operands, out access, out error);
        }

        if (GcsStoreInstructions.IsMnemonic(head) && set is null or InstructionSet.A64)
        {
            return GcsStoreInstructions.TryParse(head, operands, out access, out error);
        }

        if (SynchronizationHints.IsMnemonic(head) && set is null or InstructionSet.A64)
        {
            return SynchronizationHints.TryParse(head, operands, out access, out error);
        }

        if (ExceptionReturnInstructions.IsMnemonic(head) || head == SvcInstruction.Mnemonic)
        {
            if (set is not (null or InstructionSet.A64))
            {
                error = "TrapGen models the A64 " + head.ToUpperInvariant() + " only: nothing traps an AArch32 one to EL2 from EL1";
                return false;
            }

            return head == SvcInstruction.Mnemonic ? SvcInstruction.TryParse(operands, out access, out error) : ExceptionReturnInstructions.TryParse(head, operands, out access, out error);
        }

        if (PairMoveSyntax.IsMnemonic(head) && set is null or InstructionSet.A64)
        {
            return PairMoveSyntax.TryParse(head, operands, names, out access, out error);
        }

        if (SystemInstructionAliasSyntax.IsOperation(head))
        {
            return SystemInstructionAliasSyntax.TryParse(head, operands, out access, out error);
        }

        foreach (var mnemonic in Mnemonics)
        {
            if (!head.StartsWith(mnemonic, StringComparison.Ordinal))
            {
                continue;
            }

            var suffix = head.Substring(mnemonic.Length);
            if (mnemonic is "mrs" or "msr" or "sys" or "sysl" or "wfit" or "wfet" || (mnemonic is "smc" or "wfi" or "wfe" && set is null or InstructionSet.A64))
            {
                if (suffix.Length > 0)
                {
                    if (mnemonic is "smc" or "wfi" or "wfe" && ConditionCodes.TryParse(suffix, out _))
                    {
                        error = "an A64 " + mnemonic.ToUpperInvariant() + " has no condition; name the set for the A32 one: 'a32 " + head + (mnemonic == "smc" ? " #<imm4>'" : "'");
                        return false;
                    }

                    break;
                }

                return mnemonic is "wfi" or "wfe" or "wfit" or "wfet" ? WaitSyntax.TryParse(mnemonic, InstructionSet.A64, Aarch32Constants.ConditionAlways, operands, out access, out error)
                    : mnemonic == "smc" ? SmcSyntax.TryParse(InstructionSet.A64, Aarch32Constants.ConditionAlways, operands, out access, out error)
                    : mnemonic.StartsWith("sys", StringComparison.Ordinal)
                    ? TryParseSys(mnemonic == "sysl", operands, out access, out error)
                    : TryParseA64(mnemonic == "mrs", operands, names, out access, out error);
            }

            if (!ConditionCodes.TryParse(suffix, out var cond))
            {
                error = "unknown condition '" + suffix + "' in '" + head + "'; use eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le or al";
                return false;
            }

            if (thumb && cond != Aarch32Constants.ConditionAlways)
            {
                error = "a T32 instruction takes its condition from an IT block, not a suffix";
                return false;
            }

            var instructionSet = thumb ? InstructionSet.T32 : InstructionSet.A32;
            return mnemonic switch
            {
                "smc" => SmcSyntax.TryParse(instructionSet, cond, operands, out access, out error),
                "wfi" or "wfe" => WaitSyntax.TryParse(mnemonic, instructionSet, cond, operands, out access, out error),
                "vmrs" => VmrsSyntax.TryParse(instructionSet, cond, operands, out access, out error),
                "ldc" or "stc" => LdcStcSyntax.TryParse(mnemonic == "ldc", instructionSet, cond, rest, out access, out error),
                _ => TryParseMove(mnemonic, cond, instructionSet, operands, out access, out error),
            };
        }

        error = "'" + head + "' is not an instruction TrapGen models; expected msr, mrs, msrr, mrrs, sys, sysl, dc, ic, tlbi, at, mcr, mrc, mcrr, mrrc, ldc, stc, vmrs, smc, svc, eret, eretaa, eretab, wfi, wfe, wfit or wfet";
        return false;
    }

    private static (string Head, string Tail) SplitHead(string trimmed)
    {
        var space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed.Substring(0, space), trimmed.Substring(space + 1).Trim());
    }

    /// <summary>
    /// Formats <paramref name="access"/>, naming AArch64 registers as the catalogue or the architecture does
    /// (op0 1 is SYS/SYSL) and AArch32 transfer registers as the instruction named them.
    /// </summary>
    /// <exception cref="ArgumentException">No instruction has <paramref name="access"/>'s fields; <see cref="TryFormat(in SystemRegisterAccess, out string, out string)"/> says why. Accesses this class parsed and words <see cref="InstructionDecoder"/> decoded always format.</exception>
    public static string Format(in SystemRegisterAccess access, SystemRegisterNames? names = null)
    {
        if (!TryFormat(access, names ?? SystemRegisterNames.Architectural, out var text, out var why))
        {
            throw new ArgumentException(why, nameof(access));
        }

        return text;
    }

    /// <summary>
    /// Formats <paramref name="access"/> as <see cref="Format"/> does, or says why no instruction has its
    /// fields: a syndrome can report what no assembler text spells (op0 0, which holds MSR (immediate),
    /// hints and barriers; an AArch32 Rt of 31). The text assembles back to the same word.
    /// </summary>
    public static bool TryFormat(in SystemRegisterAccess access, out string text, out string why) =>
        TryFormat(access, SystemRegisterNames.Architectural, out text, out why);

    /// <summary>Formats <paramref name="access"/> as <see cref="TryFormat(in SystemRegisterAccess, out string, out string)"/> does, naming registers as <paramref name="names"/> does.</summary>
    public static bool TryFormat(in SystemRegisterAccess access, SystemRegisterNames names, out string text, out string why)
    {
        text = string.Empty;
        why = string.Empty;
        var form = access.Class.Form;
        if (form == AccessForm.Msr && access.Op0 == 0)
        {
            why = "op0 = 0 encodes MSR (immediate) to a PSTATE field, hints and barriers, not a system register";
            return false;
        }

        var registers = form switch
        {
            AccessForm.Mcr => new[] { access.Rt },
            AccessForm.Mcrr => [access.Rt, access.Rt2],
            AccessForm.LdcStc when !LdcStcIss.IsLiteral(LdcStcIss.WithAM(0, access.AddressingMode)) => [access.Rn],
            _ => [],
        };
        foreach (var register in registers)
        {
            if (!IsNamed(register))
            {
                why = (form == AccessForm.LdcStc ? "Rn = " : "Rt = ") + register.ToString(CultureInfo.InvariantCulture) + " names no AArch32 general-purpose register";
                return false;
            }
        }

        if (form == AccessForm.Msrr && PairMoveSyntax.Unspellable(access) is { } odd)
        {
            why = odd;
            return false;
        }

        if (form == AccessForm.LdcStc && !LdcStcIss.IsDefinedMode(LdcStcIss.WithAM(0, access.AddressingMode)))
        {
            why = "AM = " + access.AddressingMode.ToString(CultureInfo.InvariantCulture) + " is a reserved addressing mode";
            return false;
        }

        text = FormatSpelled(access, names ?? SystemRegisterNames.Architectural);
        return true;
    }

    private static bool IsNamed(uint rt) => rt == SystemRegisterAccess.Pc || Aarch32RegisterMapping.IsMapped(rt);

    private static string FormatSpelled(in SystemRegisterAccess access, SystemRegisterNames names)
    {
        var coprocessor = access.Class.Coprocessor;
        switch (access.Class.Form)
        {
            case null when access.Class == TrapClasses.Wfx:
                return WaitSyntax.Format(access);
            case null when access.Class == TrapClasses.Eret:
                return ExceptionReturnInstructions.Format(access);
            case null when access.Class == TrapClasses.Svc64:
                return SvcInstruction.Format(access);
            case null when access.Class == TrapClasses.GcsStore:
                return GcsStoreInstructions.Format(access);
            case null when access.Instruction == ScalableMatrixInstructions.ModeRow:
                return SmeModeSyntax.Format(access);
            case null when SynchronizationHints.Contains(access.Instruction):
                return SynchronizationHints.Format(access);
            case null when access.Class == TrapClasses.Other:
                return SingleCopyAtomic64Syntax.Format(access);
            case null when InstructionGroups.Contains(access.Class):
                return InstructionWordSyntax.Format(access);
            case null:
                return SmcSyntax.Format(access);
            case AccessForm.LdcStc:
                return LdcStcSyntax.Format(access);
            case AccessForm.Msrr:
                return PairMoveSyntax.Format(access, names);
            case AccessForm.Mcr when access.Class.ReadWhen == ReadWhen.Always:
                return VmrsSyntax.Format(access);
            case AccessForm.Msr:
                var x = OperandSyntax.X(access.Rt);
                if (access.Op0 == SystemInstructionOp0)
                {
                    // op0 1 encodes SYS/SYSL (cache and TLB maintenance, address translation, the GCS instructions), not a
                    // register: by its name as objdump prints it (dc cisw, x3; tlbi vmalle1; gcspushm x3; gcspopm x3) when the
                    // architecture has one in this direction (SYS, or SYSL for GCSPOPM and GCSSS2) and the name says everything
                    // (an instruction without an operand names no Rt: only xzr reads back).
                    if (access.TryFindSystemInstruction(out var instruction) && instruction.IsEncodedAs(access.IsRead) && (instruction.TakesRegister || access.Rt == 31))
                    {
                        var alias = instruction.FullName.ToLowerInvariant();
                        return !instruction.TakesRegister ? alias : instruction.IsOneWord ? alias + " " + x : alias + ", " + x;
                    }

                    var operation = string.Format(CultureInfo.InvariantCulture, "#{0}, c{1}, c{2}, #{3}", access.Op1, access.CRn, access.CRm, access.Op2);
                    return access.IsRead ? "sysl " + x + ", " + operation : "sys " + operation + ", " + x;
                }

                var name = names.NameOf(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, access.IsRead);
                return access.IsRead ? "mrs " + x + ", " + name : "msr " + name + ", " + x;
            case AccessForm.Mcr:
                return string.Format(
                    CultureInfo.InvariantCulture, "{0}{1} p{7}, {2}, {3}, c{4}, c{5}, {6}",
                    access.IsRead ? "mrc" : "mcr", ConditionCodes.Suffix(access.Condition), access.Op1,
                    access.IsRead && access.Rt == SystemRegisterAccess.Pc ? ApsrNzcv : R(access.Rt), access.CRn, access.CRm, access.Op2, coprocessor);
            default:
                return string.Format(
                    CultureInfo.InvariantCulture, "{0}{1} p{6}, {2}, {3}, {4}, c{5}",
                    access.IsRead ? "mrrc" : "mcrr", ConditionCodes.Suffix(access.Condition), access.Op1, R(access.Rt), R(access.Rt2), access.CRm, coprocessor);
        }
    }

    /// <summary>
    /// Names an AArch32 transfer register as the instruction did: syndromes report Rt in the AArch64 view
    /// (SP_svc is 19), which maps back to r13; 31 maps to no AArch32 register.
    /// </summary>
    private static string R(uint rt) => rt == SystemRegisterAccess.Pc
        ? "r15"
        : "r" + Aarch32RegisterMapping.InstructionRegister(rt).ToString(CultureInfo.InvariantCulture);

    /// <summary>MRC's destination when Rt is 15: the condition flags.</summary>
    private const string ApsrNzcv = "APSR_nzcv";

    private static bool TryParseA64(bool isRead, string[] operands, SystemRegisterNames names, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 2)
        {
            error = isRead ? "expected 'mrs x<n>, <register>'" : "expected 'msr <register>, x<n>'";
            return false;
        }

        var (registerText, gprText) = isRead ? (operands[1], operands[0]) : (operands[0], operands[1]);
        if (!OperandSyntax.TryX(gprText, out var rt, out error))
        {
            return false;
        }

        if (!names.TryFind(registerText, out var e, out error))
        {
            return false;
        }

        access = new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, isRead, e.Op0, e.Op1, e.CRn, e.CRm, e.Op2, rt, 0, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>
    /// SYS and SYSL in their generic form, as binutils prints the encodings it has no alias for:
    /// <c>sys #&lt;op1&gt;, C&lt;n&gt;, C&lt;m&gt;, #&lt;op2&gt;{, X&lt;t&gt;}</c> and <c>sysl X&lt;t&gt;, #&lt;op1&gt;, C&lt;n&gt;, C&lt;m&gt;, #&lt;op2&gt;</c>.
    /// </summary>
    private static bool TryParseSys(bool isRead, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var operation = isRead ? operands.Skip(1).ToArray() : operands.Take(4).ToArray();
        var rtText = isRead ? operands.FirstOrDefault() : operands.Length == 5 ? operands[4] : "xzr";
        if ((isRead ? operands.Length != 5 : operands.Length is not (4 or 5)) || rtText is null)
        {
            error = isRead ? "expected 'sysl x<t>, #<op1>, c<n>, c<m>, #<op2>'" : "expected 'sys #<op1>, c<n>, c<m>, #<op2>{, x<t>}'";
            return false;
        }

        if (!OperandSyntax.TryX(rtText, out var rt, out error)
            || !OperandSyntax.TryNumber(operation[0], 7, "op1", out var op1, out error)
            || !OperandSyntax.TryC(operation[1], out var crn, out error)
            || !OperandSyntax.TryC(operation[2], out var crm, out error)
            || !OperandSyntax.TryNumber(operation[3], 7, "op2", out var op2, out error))
        {
            return false;
        }

        access = new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, isRead, SystemInstructionOp0, op1, crn, crm, op2, rt, 0, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>MCR, MRC, MCRR and MRRC: the coprocessor they name picks their trap class (p15 or p14).</summary>
    private static bool TryParseMove(string mnemonic, uint cond, InstructionSet instructionSet, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var pair = mnemonic is "mcrr" or "mrrc";
        var isRead = mnemonic is "mrc" or "mrrc";
        var expected = pair ? 5 : 6;
        if (operands.Length != expected && !(operands.Length == 5 && !pair))
        {
            error = pair ? "expected '" + mnemonic + " p15, <opc1>, r<t>, r<t2>, c<m>' (or p14)" : "expected '" + mnemonic + " p15, <opc1>, r<t>, c<n>, c<m>, <opc2>' (or p14)";
            return false;
        }

        var form = pair ? AccessForm.Mcrr : AccessForm.Mcr;
        var named = operands[0].ToLowerInvariant().TrimStart('p');
        var trapClass = int.TryParse(named, NumberStyles.None, CultureInfo.InvariantCulture, out var coprocessor) && coprocessor != Aarch32Constants.Cp10
            ? TrapClasses.Of(coprocessor, form)
            : null;
        if (trapClass is null)
        {
            error = "'" + operands[0] + "': only coprocessors p15 (system control) and p14 (debug) are modelled (the floating-point ID registers are read with vmrs)";
            return false;
        }

        var flags = !pair && isRead && operands[2].Equals(ApsrNzcv, StringComparison.OrdinalIgnoreCase);
        var rt = SystemRegisterAccess.Pc;
        if (!OperandSyntax.TryNumber(operands[1], pair ? 15u : 7u, "opc1", out var opc1, out error) || (!flags && !OperandSyntax.TryR(operands[2], out rt, out error)))
        {
            return false;
        }

        if (pair)
        {
            if (!OperandSyntax.TryR(operands[3], out var rt2, out error) || !OperandSyntax.TryC(operands[4], out var crm, out error))
            {
                return false;
            }

            access = new SystemRegisterAccess(trapClass, instructionSet, isRead, 0, opc1, 0, crm, 0, rt, rt2, cond);
            return Predictable(access, out error);
        }

        uint opc2 = 0;
        if (!OperandSyntax.TryC(operands[3], out var crn, out error) || !OperandSyntax.TryC(operands[4], out var crm32, out error)
            || (operands.Length == 6 && !OperandSyntax.TryNumber(operands[5], 7, "opc2", out opc2, out error)))
        {
            return false;
        }

        access = new SystemRegisterAccess(trapClass, instructionSet, isRead, 0, opc1, crn, crm32, opc2, rt, 0, cond);
        return Predictable(access, out error);
    }

    /// <summary>
    /// Refuses the forms the Arm ARM makes CONSTRAINED UNPREDICTABLE: a CPU may do anything allowed with
    /// them, so no word of them says one thing. (A trace's raw word of such a form still runs: the
    /// emulated CPU makes it UNDEFINED.)
    /// </summary>
    private static bool Predictable(in SystemRegisterAccess access, out string error)
    {
        if (!access.IsUnpredictable)
        {
            error = string.Empty;
            return true;
        }

        error = access.Class.Form == AccessForm.Mcr
            ? "r15 (pc) as the source of MCR is UNPREDICTABLE (Arm ARM F5.1, MCR); use another register (MRC may write APSR_nzcv)"
            : access.Rt == SystemRegisterAccess.Pc || access.Rt2 == SystemRegisterAccess.Pc
                ? "r15 (pc) as Rt or Rt2 of " + (access.IsRead ? "MRRC" : "MCRR") + " is UNPREDICTABLE (Arm ARM F5.1); use two other registers"
                : "MRRC with Rt = Rt2 is UNPREDICTABLE (Arm ARM F5.1, MRRC): the two words need two registers";
        return false;
    }
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>TrapGen's assembler and formatter for system-register moves, against binutils, for every catalogued form.</summary>
public sealed class SystemInstructionSyntaxTests
{
    public static IEnumerable<string> A64Forms() => SystemRegisters.All.Where(r => !r.IsAarch32Only).SelectMany(r => new[]
    {
        r.IsReadable ? $"mrs x{r.CRm}, {r.Name.ToLowerInvariant()}" : null,
        r.IsWritable ? $"msr {r.Name.ToLowerInvariant()}, x{r.CRn + 10}" : null,
    }).OfType<string>().Append("mrs xzr, sctlr_el1").Append("msr s3_0_c15_c2_7, x1");

    /// <summary>Every catalogued alias read (to r3 and r1) and written (from r12 and r11), of every coprocessor and form.</summary>
    public static IEnumerable<string> A32Forms(string condition) => SystemRegisters.All.SelectMany(r => r.Aliases).SelectMany(a => new[]
    {
        Aarch32Spelling.Read(Machine.Encoding(a), a.Name, condition, rt: 3, rt2: 1),
        Aarch32Spelling.Write(Machine.Encoding(a), condition, rt: 12, rt2: 11),
    }).OfType<string>();

    [Fact]
    public void A64_forms_assemble_to_binutils_words_and_format_back()
    {
        var forms = A64Forms().ToArray();
        AssertAgreesWithBinutils(forms, GuestCode.A64(forms), thumb: false, InstructionSet.A64);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ne")]
    [InlineData("hi")]
    public void A32_forms_assemble_to_binutils_words_and_format_back(string condition)
    {
        var forms = A32Forms(condition).ToArray();
        AssertAgreesWithBinutils(forms, GuestCode.A32(forms), thumb: false, InstructionSet.A32);
    }

    [Fact]
    public void T32_forms_assemble_to_binutils_words_and_format_back()
    {
        var forms = A32Forms(string.Empty).ToArray();
        AssertAgreesWithBinutils(forms, GuestCode.T32(forms), thumb: true, InstructionSet.T32);
    }

    /// <summary>SYS and SYSL in the generic form binutils prints for encodings it has no alias for, across op1, CRn, CRm and op2.</summary>
    public static IEnumerable<string> SysForms() =>
        from op1 in Enumerable.Range(0, 8)
        from crn in new[] { 0, 7, 8, 15 }
        from crm in new[] { 0, 5, 15 }
        from op2 in new[] { 0, 7 }
        from form in new[] { $"sys #{op1}, c{crn}, c{crm}, #{op2}, x{crm + 10}", $"sysl x{crn}, #{op1}, c{crn}, c{crm}, #{op2}" }
        select form;

    [Fact]
    public void Sys_and_sysl_assemble_to_binutils_words_and_format_back()
    {
        var forms = SysForms().ToArray();
        var words = GuestCode.A64(forms);
        for (var i = 0; i < forms.Length; i++)
        {
            Assert.True(SystemInstructionSyntax.TryParse(forms[i], thumb: false, out var access, out var error), forms[i] + ": " + error);
            Assert.Equal((forms[i], words[i]), (forms[i], InstructionEncoder.Encode(access)));
            var formatted = SystemInstructionSyntax.Format(access);
            Assert.True(SystemInstructionSyntax.TryParse(formatted, thumb: false, out var again, out error), formatted + ": " + error);
            Assert.Equal((forms[i], words[i]), (forms[i], InstructionEncoder.Encode(again)));
            var name = !access.IsRead && SystemInstructions.TryFind(new Aarch64Encoding(1, (int)access.Op1, (int)access.CRn, (int)access.CRm, (int)access.Op2), out var instruction)
                && instruction.TakesRegister ? instruction.FullName.ToLowerInvariant() : null;
            Assert.Equal(name is null ? forms[i] : name + ", " + forms[i].Split(", ")[^1], formatted);
        }
    }

    [Theory]
    [InlineData("sys #0, c7, c5, #0", "ic iallu")]
    [InlineData("SYS #3, C7, C11, #1, X2", "dc cvau, x2")]
    [InlineData("sys #0, c7, c5, #0, x4", "sys #0, c7, c5, #0, x4")]
    [InlineData("sys #0, c7, c0, #0", "sys #0, c7, c0, #0, xzr")]
    public void Sys_without_a_register_transfers_xzr_and_a_named_instruction_formats_as_objdump_prints_it(string text, string formatted)
    {
        Assert.True(SystemInstructionSyntax.TryParse(text, thumb: false, out var access, out var error), error);
        Assert.Equal(formatted, SystemInstructionSyntax.Format(access));
    }

    [Theory]
    [InlineData("Msr", 0u, 4u, 31u, 0u, "op0 = 0 encodes MSR (immediate)")]
    [InlineData("Mcr", 0u, 1u, 31u, 0u, "Rt = 31 names no AArch32")]
    [InlineData("Cp14Mcr", 0u, 1u, 31u, 0u, "Rt = 31 names no AArch32")]
    [InlineData("Mcrr", 0u, 0u, 2u, 31u, "Rt = 31 names no AArch32")]
    public void Fields_no_instruction_spells_are_refused_with_a_reason(string className, uint op0, uint crn, uint rt, uint rt2, string why)
    {
        var trapClass = TrapClasses.Named(className)!;
        var access = new SystemRegisterAccess(trapClass, trapClass.IsAarch64 ? InstructionSet.A64 : InstructionSet.A32, false, op0, 0, crn, 0, 0, rt, rt2, 14);

        Assert.False(SystemInstructionSyntax.TryFormat(access, out _, out var reason));
        Assert.Contains(why, reason, System.StringComparison.Ordinal);
        Assert.Throws<System.ArgumentException>(() => SystemInstructionSyntax.Format(access));
    }

    [Theory]
    [InlineData("MSR SCTLR_EL1, X0", 0xD5181000u)]
    [InlineData("mcr 15, 0, r0, cr1, cr0, {0}", 0xEE010F10u)]
    [InlineData("mcr p15, 0, r0, c1, c0", 0xEE010F10u)]
    [InlineData("mrs x0, PRRR", 0u)]
    [InlineData("mcrr p15, 0, sp, lr, c2", 0xEC4EDF02u)]
    public void Alternative_spellings_are_accepted(string text, uint expected)
    {
        var parsed = SystemInstructionSyntax.TryParse(text, thumb: false, out var access, out var error);
        if (expected == 0)
        {
            Assert.False(parsed);
            Assert.Contains("unknown system register 'PRRR'", error, System.StringComparison.Ordinal);
            return;
        }

        Assert.True(parsed, error);
        Assert.Equal(expected, InstructionEncoder.Encode(access));
    }

    [Theory]
    [InlineData("", "empty instruction")]
    [InlineData("add x0, x1, x2", "'add' is not an instruction TrapGen models")]
    [InlineData("msr sctrl_el1, x0", "unknown system register 'sctrl_el1'")]
    [InlineData("msr sctlr_el1, w0", "'w0' is not a register here; expected x0–x30 or xzr")]
    [InlineData("mrs x31, sctlr_el1", "'x31' is not a register here")]
    [InlineData("msr sctlr_el1", "expected 'msr <register>, x<n>'")]
    [InlineData("mcrxx p15, 0, r0, c1, c0, 0", "unknown condition 'xx'")]
    [InlineData("mcr p13, 0, r0, c1, c0, 0", "only coprocessors p15 (system control) and p14 (debug)")]
    [InlineData("mcr p15, 8, r0, c1, c0, 0", "'8' is not a valid opc1; expected 0–7")]
    [InlineData("mcrr p15, 16, r0, r1, c2", "'16' is not a valid opc1; expected 0–15")]
    [InlineData("mcr p15, 0, r16, c1, c0, 0", "'r16' is not a register here")]
    [InlineData("mcr p15, 0, r0, c16, c0, 0", "'c16' is not a register here")]
    [InlineData("mcr p15, 0, r0, c1, c0, 9", "'9' is not a valid opc2")]
    [InlineData("mrrc p15, 0, r0, c14", "expected 'mrrc p15, <opc1>, r<t>, r<t2>, c<m>'")]
    [InlineData("msr s3_0_c16_c0_0, x0", "unknown system register")]
    [InlineData("msr s1_0_c1_c0_0, x0", "unknown system register")]
    public void Malformed_instructions_get_one_clear_error(string text, string expected)
    {
        Assert.False(SystemInstructionSyntax.TryParse(text, thumb: false, out _, out var error));
        Assert.Contains(expected, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_t32_cp15_move_may_not_carry_a_condition_suffix()
    {
        Assert.False(SystemInstructionSyntax.TryParse("mcrne p15, 0, r0, c1, c0, 0", thumb: true, out _, out var error));
        Assert.Contains("IT block", error, System.StringComparison.Ordinal);
    }

    private static void AssertAgreesWithBinutils(string[] forms, uint[] words, bool thumb, InstructionSet instructionSet)
    {
        Assert.Equal(forms.Length, words.Length);
        for (var i = 0; i < forms.Length; i++)
        {
            Assert.True(SystemInstructionSyntax.TryParse(forms[i], thumb, out var access, out var error), forms[i] + ": " + error);
            Assert.Equal((forms[i], words[i]), (forms[i], InstructionEncoder.Encode(access)));
            Assert.True(InstructionDecoder.TryDecode(words[i], instructionSet, out var decoded));
            Assert.Equal(access, decoded);
            Assert.Equal(forms[i], SystemInstructionSyntax.Format(decoded));
        }
    }
}

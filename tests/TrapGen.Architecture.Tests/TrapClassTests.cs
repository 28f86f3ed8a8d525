using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The trapped exception classes as data (<see cref="TrapClasses"/>, Tables/trap-classes.table): every class is
/// consistent with its ISS layout and with itself, its keys are the Linux esr.h masks, its coprocessor and form
/// pick it back, and the lookup by EC accepts any value.
/// </summary>
public sealed class TrapClassTests
{
    public static TheoryData<uint> ExceptionClasses() => [.. TrapClasses.All.Select(c => c.ExceptionClass)];

    [Fact]
    public void Trapgen_understands_the_system_register_128_bit_cp14_ldc_stc_vmrs_smc_svc_wait_floating_point_sve_sme_pointer_authentication_eret_gcs_store_and_other_instruction_classes()
    {
        Assert.Equal(new uint[] { 0x01, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0C, 0x13, 0x14, 0x15, 0x17, 0x18, 0x19, 0x1A, 0x1D, 0x2D }, TrapClasses.All.Select(c => c.ExceptionClass).Order());
        Assert.Equal(["Msr", "Sys128", "Mcr", "Mcrr", "Cp14Mcr", "Cp14Mcrr", "LdcStc", "Vmrs"], TrapClasses.Dispatchable.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_class_is_found_by_its_exception_class_which_reports_its_layout(uint ec)
    {
        var trapClass = TrapClasses.Find(ec)!;

        Assert.Equal(ec, trapClass.ExceptionClass);
        Assert.Same(trapClass.Iss, Layouts.IssOf((int)ec));
        Assert.True(Architecture.ExceptionClasses.IsAllocated((int)ec));
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_classs_fields_are_fields_of_its_layout_and_share_no_bit(uint ec)
    {
        var trapClass = TrapClasses.Find(ec)!;
        var fields = Fields(trapClass);

        Assert.All(fields, f => Assert.Same(trapClass.Iss.Field(f.Name), f));
        for (var i = 0; i < fields.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.False(fields[i].Overlaps(fields[j]), trapClass + ": " + fields[i].Name + " overlaps " + fields[j].Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_key_mask_is_the_or_of_its_key_fields(uint ec)
    {
        var trapClass = TrapClasses.Find(ec)!;

        Assert.Equal(trapClass.KeyFields.Aggregate(0UL, (mask, f) => mask | f.Mask), trapClass.KeyMask);
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void A_condition_is_cv_and_cond_together_one_bit_and_four_and_fixed_fields_hold_values_that_fit(uint ec)
    {
        var trapClass = TrapClasses.Find(ec)!;

        Assert.Equal(trapClass.ConditionValid is null, trapClass.Condition is null);
        Assert.True(trapClass.ConditionKnownPass is null || trapClass.ConditionValid is not null);
        Assert.Equal(trapClass.IsAarch64, trapClass.ConditionValid is null);
        Assert.All(trapClass.FixedFields, f => Assert.InRange(f.Value, 0UL, f.Field.MaxValue));

        // ConditionReportedMask relies on CV and CCKNOWNPASS being one bit each, and the condition check on COND's four.
        Assert.All(new[] { trapClass.ConditionValid, trapClass.ConditionKnownPass }.OfType<BitField>(), f => Assert.Equal(1, f.Width));
        Assert.True(trapClass.Condition is null || trapClass.Condition.Width == 4);
        Assert.Equal(
            (trapClass.ConditionValid?.Mask ?? 0) | (trapClass.ConditionValid is null ? 0 : trapClass.ConditionKnownPass?.Mask ?? 0),
            (ulong)trapClass.ConditionReportedMask);
        Assert.Equal(trapClass.Condition?.Lsb ?? 0, trapClass.ConditionShift);
    }

    [Fact]
    public void Every_exception_class_and_beyond_looks_up_without_throwing()
    {
        for (var ec = 0u; ec < 256; ec++)
        {
            var trapClass = TrapClasses.Find(ec);

            Assert.True(trapClass is null || trapClass.ExceptionClass == ec);
        }

        Assert.Null(TrapClasses.Find(uint.MaxValue));
    }

    [Fact]
    public void The_cp14_moves_report_the_cp15_layouts_of_their_form_and_vmrs_that_of_mcr()
    {
        Assert.Same(TrapClasses.Mcr.Iss, TrapClasses.Cp14Mcr.Iss);
        Assert.Same(TrapClasses.Mcrr.Iss, TrapClasses.Cp14Mcrr.Iss);
        Assert.Equal(TrapClasses.Mcr.KeyMask, TrapClasses.Vmrs.KeyMask);
        Assert.Equal(TrapClasses.Mcr.KeyMask, TrapClasses.Cp14Mcr.KeyMask);
    }

    [Theory]
    // Linux arch/arm64/include/asm/esr.h: ESR_ELx_SYS64_ISS_SYS_MASK, ESR_ELx_CP15_32_ISS_SYS_MASK, ESR_ELx_CP15_64_ISS_SYS_MASK.
    [InlineData("Msr", "MSR/MRS", "Op0 Op1 CRn CRm Op2", 0x003FFC1EU, 64)]
    [InlineData("Mcr", "MCR/MRC", "Opc1 CRn CRm Opc2", 0x000FFC1EU, 32)]
    [InlineData("Mcrr", "MCRR/MRRC", "Opc1 CRm", 0x000F001EU, 64)]
    [InlineData("Cp14Mcr", "MCR/MRC", "Opc1 CRn CRm Opc2", 0x000FFC1EU, 32)]
    [InlineData("Cp14Mcrr", "MRRC", "Opc1 CRm", 0x000F001EU, 64)]
    [InlineData("LdcStc", "LDC/STC", "", 0U, 32)]
    [InlineData("Vmrs", "VMRS", "Opc1 CRn CRm Opc2", 0x000FFC1EU, 32)]
    public void Each_dispatched_class_has_its_instructions_key_and_width(string name, string instructions, string key, uint keyMask, int width)
    {
        var trapClass = TrapClasses.Dispatchable.Single(c => c.Name == name);

        Assert.Equal(instructions, trapClass.Instructions);
        Assert.Equal(key.Split(' ', System.StringSplitOptions.RemoveEmptyEntries), trapClass.KeyFields.Select(f => f.Name));
        Assert.Equal(keyMask, trapClass.KeyMask);
        Assert.Equal(width, trapClass.TransferWidth);
    }

    [Fact]
    public void An_aarch32_classs_coprocessor_and_form_pick_it_back_and_no_aarch64_class_is_picked()
    {
        foreach (var trapClass in TrapClasses.Dispatchable.Where(c => c.IsAarch32))
        {
            Assert.Same(trapClass, TrapClasses.Of(trapClass.Coprocessor, trapClass.Form!.Value));
        }

        Assert.Null(TrapClasses.Of(15, AccessForm.Msr));
        Assert.Null(TrapClasses.Of(15, AccessForm.LdcStc));
        Assert.Null(TrapClasses.Of(10, AccessForm.Mcrr));
    }

    [Theory]
    [InlineData(15, AccessForm.Mcr, 32, "MCR p15, 0, c1, c0, 0")]
    [InlineData(15, AccessForm.Mcrr, 64, "MCRR p15, 0, c0")]
    [InlineData(14, AccessForm.Mcr, 32, "MCR p14, 0, c1, c0, 0")]
    [InlineData(14, AccessForm.Mcrr, 64, "MRRC p14, 0, c0")]
    [InlineData(14, AccessForm.LdcStc, 32, "LDC p14, c1")]
    [InlineData(10, AccessForm.Mcr, 32, "VMRS reg 1")]
    public void An_aarch32_encoding_is_in_the_class_of_its_coprocessor_and_form(int coprocessor, AccessForm form, int width, string described)
    {
        var encoding = new Aarch32Encoding(coprocessor, form, 0, 1, 0, 0);

        Assert.Same(TrapClasses.Of(coprocessor, form), encoding.Class);
        Assert.Equal(width, encoding.AccessWidth);
        Assert.Equal(described, encoding.Describe());
        Assert.Equal(encoding.Class.Key(encoding.KeyValues), encoding.Key);
    }

    [Fact]
    public void An_aarch32_encoding_of_no_class_is_refused()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new Aarch32Encoding(15, AccessForm.Msr, 0, 1, 0, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new Aarch32Encoding(13, AccessForm.Mcr, 0, 1, 0, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new Aarch32Encoding(15, (AccessForm)7, 0, 1, 0, 0));
    }

    [Theory]
    // A read is Direction 1, except for STC, which reads the register to store it (Direction 0), and VMRS, which is always one.
    [InlineData("Mcr", 0u, false)]
    [InlineData("Mcr", 1u, true)]
    [InlineData("LdcStc", 0u, true)]
    [InlineData("LdcStc", 1u, false)]
    [InlineData("Vmrs", 0u, true)]
    public void Each_class_says_which_direction_reads_its_register(string name, uint direction, bool isRead)
    {
        var trapClass = TrapClasses.Dispatchable.Single(c => c.Name == name);

        Assert.Equal(isRead, trapClass.IsRead(direction));
        if (trapClass.ReadWhen != ReadWhen.Always)
        {
            Assert.Equal(direction, trapClass.DirectionOf(isRead));
        }
    }

    [Theory]
    [InlineData(0x00000000U, false)] // CCKNOWNPASS 0: the condition passed; CV and COND are RES0
    [InlineData(0x01100000U, false)] // CV 1 but CCKNOWNPASS 0
    [InlineData(0x00080000U, false)] // CCKNOWNPASS 1 but CV 0
    [InlineData(0x01100000U | (1U << 19), true)]
    public void An_a32_smc_reports_its_condition_only_with_cc_known_pass_and_cv(uint iss, bool reported)
    {
        Assert.Equal(reported, TrapClasses.Smc32.ReportsCondition(iss));
    }

    private static List<BitField> Fields(TrapClass c) =>
        [.. c.KeyFields.Concat(new[] { c.Rt, c.Rt2, c.Rn, c.Direction, c.ConditionValid, c.Condition, c.ConditionKnownPass, c.Immediate }.OfType<BitField>())
            .Concat(c.Memory is { } m ? [m.BaseRegister, m.Offset, m.Add, m.Mode] : [])];
}

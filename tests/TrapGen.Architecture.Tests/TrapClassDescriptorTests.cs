using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The trapped exception classes as data (<see cref="TrapClassDescriptors"/>): every descriptor is consistent
/// with its ISS layout and with itself, and the lookup by EC accepts any value.
/// </summary>
public sealed class TrapClassDescriptorTests
{
    public static TheoryData<uint> ExceptionClasses() => [.. TrapClassDescriptors.All.Select(d => d.ExceptionClass)];

    [Fact]
    public void Trapgen_understands_the_system_register_cp14_vmrs_and_smc_classes()
    {
        Assert.Equal([0x03u, 0x04, 0x05, 0x08, 0x0C, 0x13, 0x17, 0x18], TrapClassDescriptors.All.Select(d => d.ExceptionClass));
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_descriptor_is_found_by_its_exception_class_which_reports_its_layout(uint ec)
    {
        var descriptor = TrapClassDescriptors.Find(ec)!;

        Assert.Equal(ec, descriptor.ExceptionClass);
        Assert.Same(descriptor.Iss, Layouts.IssOf((int)ec));
        Assert.True(Architecture.ExceptionClasses.IsAllocated((int)ec));
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_descriptors_fields_are_fields_of_its_layout_and_share_no_bit(uint ec)
    {
        var descriptor = TrapClassDescriptors.Find(ec)!;
        var fields = Fields(descriptor);

        Assert.All(fields, f => Assert.Same(descriptor.Iss.Field(f.Name), f));
        for (var i = 0; i < fields.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                Assert.False(fields[i].Overlaps(fields[j]), descriptor + ": " + fields[i].Name + " overlaps " + fields[j].Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void Every_key_mask_is_the_or_of_its_key_fields(uint ec)
    {
        var descriptor = TrapClassDescriptors.Find(ec)!;

        Assert.Equal(descriptor.KeyFields.Aggregate(0UL, (mask, f) => mask | f.Mask), descriptor.KeyMask);
        Assert.Equal(descriptor.KeyFields.Select(f => f.Name), descriptor.KeyFieldNames);
        Assert.Equal(new[] { descriptor.Op0, descriptor.Op1, descriptor.CRn, descriptor.CRm, descriptor.Op2 }.Where(f => f is not null), descriptor.KeyFields);
    }

    [Theory]
    [MemberData(nameof(ExceptionClasses))]
    public void A_condition_is_cv_and_cond_together_one_bit_and_four_and_fixed_fields_hold_values_that_fit(uint ec)
    {
        var descriptor = TrapClassDescriptors.Find(ec)!;

        Assert.Equal(descriptor.ConditionValid is null, descriptor.Condition is null);
        Assert.True(descriptor.ConditionKnownPass is null || descriptor.ConditionValid is not null);
        Assert.Equal(descriptor.IsAarch64, descriptor.ConditionValid is null);
        Assert.All(descriptor.FixedFields, f => Assert.InRange(f.Value, 0UL, f.Field.MaxValue));

        // ConditionReportedMask relies on CV and CCKNOWNPASS being one bit each, and the condition check on COND's four.
        Assert.All(new[] { descriptor.ConditionValid, descriptor.ConditionKnownPass }.OfType<BitField>(), f => Assert.Equal(1, f.Width));
        Assert.True(descriptor.Condition is null || descriptor.Condition.Width == 4);
        Assert.Equal(
            (descriptor.ConditionValid?.Mask ?? 0) | (descriptor.ConditionValid is null ? 0 : descriptor.ConditionKnownPass?.Mask ?? 0),
            (ulong)descriptor.ConditionReportedMask);
    }

    [Fact]
    public void Every_exception_class_and_beyond_looks_up_without_throwing()
    {
        for (var ec = 0u; ec < 256; ec++)
        {
            var descriptor = TrapClassDescriptors.Find(ec);

            Assert.True(descriptor is null || descriptor.ExceptionClass == ec);
            Assert.Equal(descriptor?.Kind, TrapClasses.OfExceptionClass(ec));
        }

        Assert.Null(TrapClassDescriptors.Find(uint.MaxValue));
    }

    [Fact]
    public void Each_dispatched_trap_class_has_one_descriptor_and_round_trips_through_its_exception_class()
    {
        Assert.Equal(TrapClasses.All, TrapClassDescriptors.All.Where(d => d.Kind is not null).Select(d => d.Kind!.Value).Order());
        foreach (var kind in TrapClasses.All)
        {
            Assert.Equal(kind, TrapClasses.OfExceptionClass((uint)TrapClasses.ExceptionClass(kind)));
            Assert.Same(TrapClassDescriptors.Of(kind).Iss, TrapClasses.Iss(kind));
        }

        Assert.Throws<System.ArgumentOutOfRangeException>(() => TrapClassDescriptors.Of((TrapClassKind)3));
    }

    [Fact]
    public void The_cp14_moves_report_the_cp15_layouts_of_their_form()
    {
        Assert.Equal(0x05u, Cp14ExceptionClasses.Mcr);
        Assert.Equal(0x0Cu, Cp14ExceptionClasses.Mcrr);
        Assert.Same(TrapClassDescriptors.Mcr.Iss, TrapClassDescriptors.Cp14Mcr.Iss);
        Assert.Same(TrapClassDescriptors.Mcrr.Iss, TrapClassDescriptors.Cp14Mcrr.Iss);
        Assert.Equal(TrapClassDescriptors.Mcr.KeyMask, TrapClassDescriptors.Vmrs.KeyMask);
    }

    [Theory]
    [InlineData(TrapClassKind.Msr, "MSR/MRS", "Op0 Op1 CRn CRm Op2", "Op0 Op1 CRn CRm Op2 Rt Direction", 0x003FFC1EU)]
    [InlineData(TrapClassKind.Mcr, "MCR/MRC", "Opc1 CRn CRm Opc2", "CV COND Opc1 CRn CRm Opc2 Rt Direction", 0x000FFC1EU)]
    [InlineData(TrapClassKind.Mcrr, "MCRR/MRRC", "Opc1 CRm", "CV COND Opc1 CRm Rt Rt2 Direction", 0x000F001EU)]
    public void Trap_classes_answer_from_their_descriptors(TrapClassKind kind, string instructions, string key, string required, uint keyMask)
    {
        Assert.Equal(instructions, TrapClasses.Instructions(kind));
        Assert.Equal(key.Split(' '), TrapClasses.KeyFieldNames(kind));
        Assert.Equal(required.Split(' '), TrapClasses.RequiredFieldNames(kind));
        Assert.Equal(keyMask, TrapClasses.KeyMask(kind));
        Assert.All(key.Split(' '), name => Assert.True(TrapClasses.IsKeyField(kind, name)));
        Assert.False(TrapClasses.IsKeyField(kind, TrapClasses.Rt));
    }

    [Fact]
    public void Each_trap_class_is_its_descriptor_by_the_same_name()
    {
        Assert.Same(TrapClassDescriptors.Msr, TrapClassDescriptors.Of(TrapClassKind.Msr));
        Assert.Same(TrapClassDescriptors.Mcr, TrapClassDescriptors.Of(TrapClassKind.Mcr));
        Assert.Same(TrapClassDescriptors.Mcrr, TrapClassDescriptors.Of(TrapClassKind.Mcrr));
        Assert.Equal([TrapClassKind.Msr, TrapClassKind.Mcr, TrapClassKind.Mcrr], TrapClasses.All.Select(k => TrapClassDescriptors.Of(k).Kind!.Value));
    }

    [Theory]
    [InlineData(TrapClassKind.Mcr, 32, "MCR p15, 0, c1, c0, 0")]
    [InlineData(TrapClassKind.Mcrr, 64, "MCRR p15, 0, c0")]
    public void An_aarch32_encodings_form_is_its_trap_class(TrapClassKind form, int width, string described)
    {
        var encoding = new Cp15Encoding(form, 0, form == TrapClassKind.Mcr ? 1 : 0, 0, 0);

        Assert.Equal(form, encoding.Form);
        Assert.Equal(width, encoding.AccessWidth);
        Assert.Equal(described, encoding.Describe());
        Assert.Equal(TrapClasses.Key(form, encoding.KeyValues), TrapClasses.Key(encoding));
        Assert.True(Cp15Encoding.IsForm(form));
    }

    [Fact]
    public void An_aarch32_encoding_is_never_of_the_msr_class()
    {
        Assert.False(Cp15Encoding.IsForm(TrapClassKind.Msr));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new Cp15Encoding(TrapClassKind.Msr, 0, 1, 0, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new Cp15Encoding((TrapClassKind)7, 0, 1, 0, 0));
    }

    [Theory]
    [InlineData(0x00000000U, false)] // CCKNOWNPASS 0: the condition passed; CV and COND are RES0
    [InlineData(0x01100000U, false)] // CV 1 but CCKNOWNPASS 0
    [InlineData(0x00080000U, false)] // CCKNOWNPASS 1 but CV 0
    [InlineData(0x01100000U | (1U << 19), true)]
    public void An_a32_smc_reports_its_condition_only_with_cc_known_pass_and_cv(uint iss, bool reported)
    {
        Assert.Equal(reported, TrapClassDescriptors.Smc32.ReportsCondition(iss));
    }

    private static List<BitField> Fields(TrapClassDescriptor d) =>
        [.. new[] { d.Op0, d.Op1, d.CRn, d.CRm, d.Op2, d.Rt, d.Rt2, d.Direction, d.ConditionValid, d.Condition, d.ConditionKnownPass, d.Immediate }.Where(f => f is not null).Select(f => f!)];
}

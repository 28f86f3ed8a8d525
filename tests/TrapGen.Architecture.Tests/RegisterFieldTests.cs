using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>register-fields.table: fields that fit their register, and the Arm ARM's positions for well-known ones.</summary>
public sealed class RegisterFieldTests
{
    private static readonly string[] Others = ["MIDR_EL1", "MPIDR_EL1", "CLIDR_EL1", "CTR_EL0", "MPAMIDR_EL1"];

    /// <summary>Gets every register of the table, for the table-driven tests.</summary>
    public static TheoryData<string> Registers() => [.. RegisterFields.Registers];

    [Fact]
    public void The_table_covers_the_sanitised_id_registers()
    {
        string[] required =
        [
            "ID_AA64PFR0_EL1", "ID_AA64PFR1_EL1", "ID_AA64DFR0_EL1", "ID_AA64DFR1_EL1", "ID_AA64ISAR0_EL1", "ID_AA64ISAR1_EL1",
            "ID_AA64ISAR2_EL1", "ID_AA64MMFR0_EL1", "ID_AA64MMFR1_EL1", "ID_AA64MMFR2_EL1", "ID_AA64ZFR0_EL1",
            "ID_PFR0_EL1", "ID_PFR1_EL1", "ID_PFR2_EL1", "ID_DFR0_EL1",
            "ID_MMFR0_EL1", "ID_MMFR1_EL1", "ID_MMFR2_EL1", "ID_MMFR3_EL1", "ID_MMFR4_EL1",
            "ID_ISAR0_EL1", "ID_ISAR1_EL1", "ID_ISAR2_EL1", "ID_ISAR3_EL1", "ID_ISAR4_EL1", "ID_ISAR5_EL1", "ID_ISAR6_EL1",
            "MVFR0_EL1", "MVFR1_EL1", "MVFR2_EL1", .. Others,
        ];

        Assert.Empty(required.Except(RegisterFields.Registers));
        Assert.Equal(RegisterFields.Registers.Count, RegisterFields.Registers.Distinct().Count());
    }

    [Fact]
    public void The_signed_fields_are_the_arm_arms_signed_id_fields_and_no_others()
    {
        (string Register, string Field)[] signed =
        [
            ("ID_DFR1_EL1", "MTPMU"), ("ID_AA64PFR0_EL1", "FP"), ("ID_AA64PFR0_EL1", "AdvSIMD"), ("ID_AA64DFR0_EL1", "DoubleLock"),
            ("ID_AA64DFR0_EL1", "MTPMU"), ("ID_AA64MMFR0_EL1", "TGran4"), ("ID_AA64MMFR0_EL1", "TGran64"),
        ];

        var marked = RegisterFields.Registers.SelectMany(r => RegisterFields.Of(r).Where(f => RegisterFields.IsSigned(r, f.Name)).Select(f => (r, f.Name)));

        Assert.Equal(signed.Order(), marked.Order());
        Assert.True(RegisterFields.IsSigned("id_aa64pfr0_el1", "fp"));
        Assert.False(RegisterFields.IsSigned("ID_AA64DFR0_EL1", "PMUVer"));
        Assert.False(RegisterFields.IsSigned("ID_AA64MMFR0_EL1", "TGran16"));
        Assert.False(RegisterFields.IsSigned("NO_SUCH_EL1", "FP"));
    }

    [Fact]
    public void Implementation_defined_auxiliary_feature_registers_have_no_fields()
    {
        Assert.Empty(RegisterFields.Of("ID_AFR0_EL1"));
        Assert.Empty(RegisterFields.Of("ID_AA64AFR0_EL1"));
        Assert.Empty(RegisterFields.Of("ID_AA64AFR1_EL1"));
    }

    [Theory]
    [MemberData(nameof(Registers))]
    public void Every_register_is_a_read_only_id_register_of_the_aarch64_table_or_one_of_the_listed_others(string name)
    {
        Assert.True(Aarch64Registers.TryFind(name, out var register), name + " is not in aarch64-registers.table");
        Assert.Equal(name, register.Name);
        Assert.Equal(RegisterAccess.ReadOnly, register.Access);
        var encoding = register.Encoding;
        var idSpace = encoding is { Op0: 3, Op1: 0, CRn: 0, CRm: >= 1 and <= 7 };
        Assert.True(idSpace || Others.Contains(name), name + " at " + encoding.Tuple + " is neither in the ID space nor one of " + string.Join(", ", Others));
    }

    [Theory]
    [MemberData(nameof(Registers))]
    public void Every_field_fits_in_64_bits_without_overlapping_another_and_names_are_unique(string name)
    {
        var fields = RegisterFields.Of(name);

        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.True(field.Width >= 1 && field.Lsb >= 0 && field.Msb <= 63, name + "." + field.Name + " [" + field.BitRange + "]"));
        Assert.Equal(fields.OrderBy(field => field.Lsb), fields);
        for (var i = 0; i < fields.Count; i++)
        {
            for (var j = i + 1; j < fields.Count; j++)
            {
                Assert.False(fields[i].Overlaps(fields[j]), name + ": " + fields[i].Name + " [" + fields[i].BitRange + "] overlaps " + fields[j].Name + " [" + fields[j].BitRange + "]");
            }
        }

        Assert.Equal(fields.Count, fields.Select(field => field.Name).Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(fields, field => Assert.Same(field, RegisterFields.Find(name, field.Name)));
    }

    [Theory]
    [InlineData("ID_AA64PFR0_EL1", "SVE", 35, 32)]
    [InlineData("ID_AA64PFR0_EL1", "EL0", 3, 0)]
    [InlineData("ID_AA64PFR0_EL1", "AdvSIMD", 23, 20)]
    [InlineData("ID_AA64MMFR0_EL1", "PARange", 3, 0)]
    [InlineData("ID_AA64MMFR0_EL1", "TGran4", 31, 28)]
    [InlineData("ID_AA64ISAR0_EL1", "AES", 7, 4)]
    [InlineData("ID_AA64ISAR0_EL1", "Atomic", 23, 20)]
    [InlineData("CTR_EL0", "DminLine", 19, 16)]
    [InlineData("CTR_EL0", "IDC", 28, 28)]
    [InlineData("CLIDR_EL1", "Ctype1", 2, 0)]
    [InlineData("CLIDR_EL1", "LoC", 26, 24)]
    [InlineData("MIDR_EL1", "PartNum", 15, 4)]
    [InlineData("MPIDR_EL1", "Aff3", 39, 32)]
    [InlineData("ID_ISAR5_EL1", "AES", 7, 4)]
    [InlineData("MVFR0_EL1", "SIMDReg", 3, 0)]
    [InlineData("MPAMIDR_EL1", "HAS_HCR", 17, 17)]
    [InlineData("MPAMIDR_EL1", "HAS_TIDR", 58, 58)]
    [InlineData("MPAMIDR_EL1", "HAS_BW_CTRL", 56, 56)]
    [InlineData("MPAMIDR_EL1", "VPMR_MAX", 20, 18)]
    public void Well_known_fields_are_where_the_arm_arm_puts_them(string register, string name, int msb, int lsb)
    {
        var field = RegisterFields.Find(register, name);

        Assert.NotNull(field);
        Assert.Equal((name, msb, lsb), (field.Name, field.Msb, field.Lsb));
    }

    [Fact]
    public void Sve_of_id_aa64pfr0_masks_bits_35_to_32()
    {
        var sve = RegisterFields.Find("ID_AA64PFR0_EL1", "SVE")!;

        Assert.Equal(0x0000_000F_0000_0000UL, sve.Mask);
        Assert.Equal(0UL, sve.Insert(0x0000_0001_0000_0000UL, 0));
    }

    [Fact]
    public void Find_ignores_case_and_gives_null_for_what_it_does_not_know()
    {
        Assert.Equal(RegisterFields.Find("ID_AA64PFR0_EL1", "SVE"), RegisterFields.Find("id_aa64pfr0_el1", "sve"));
        Assert.Equal("PARange", RegisterFields.Find("ID_AA64MMFR0_EL1", "PARANGE")?.Name);
        Assert.Null(RegisterFields.Find("ID_AA64PFR0_EL1", "NOSUCHFIELD"));
        Assert.Null(RegisterFields.Find("NO_SUCH_REGISTER_EL1", "SVE"));
        Assert.Null(RegisterFields.Find("SCTLR_EL1", "M"));
        Assert.Null(RegisterFields.Find(string.Empty, string.Empty));
        Assert.Empty(RegisterFields.Of("NO_SUCH_REGISTER_EL1"));
        Assert.Empty(RegisterFields.Of(string.Empty));
        Assert.Throws<System.ArgumentNullException>(() => RegisterFields.Of(null!));
        Assert.Throws<System.ArgumentNullException>(() => RegisterFields.Find(null!, "SVE"));
        Assert.Throws<System.ArgumentNullException>(() => RegisterFields.Find("ID_AA64PFR0_EL1", null!));
    }

    [Fact]
    public void Of_lists_the_fields_in_lsb_order()
    {
        IEnumerable<string> names = RegisterFields.Of("CTR_EL0").Select(field => field.Name);

        Assert.Equal(["IminLine", "L1Ip", "DminLine", "ERG", "CWG", "IDC", "DIC", "TminLine"], names);
    }
}

using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The ISS layouts of the later exception classes, field by field as the Arm ARM's ESR_EL2 (D24.2.46) and ESR_EL3
/// (D24.2.47, for the Granule Protection Check exception, which is taken to EL3) write them: each field's bits, the
/// field it depends on, and the bits the Arm ARM calls RES0. The rows are the Arm ARM's headings ("GPCSC, bits
/// [19:14]", "Bits [12:9] Reserved, RES0", "Raddr … When ExType == 0b0010"), not TrapGen's table.
/// </summary>
public sealed class ArmArmIssLayoutTests
{
    /// <summary>Layout, field, msb, lsb, and the field whose value decides whether it applies (null: always).</summary>
    public static TheoryData<string, string, int, int, string?> Fields() => new()
    {
        // ISS encoding for an exception from any other instruction (EC 0b001010): ISS, bits [24:0].
        { "OtherIss", "ISS", 24, 0, null },

        // ISS encoding for an exception from MSRR, MRRS, or 128-bit System instruction execution in AArch64 state
        // (EC 0b010100): Bits [24:22] RES0; Op0 [21:20]; Op2 [19:17]; Op1 [16:14]; CRn [13:10]; Rt [9:6] ("register
        // pair of X[Rt:0], X[Rt:1]"); Bit [5] RES0; CRm [4:1]; Direction [0].
        { "Sys128Iss", "Op0", 21, 20, null },
        { "Sys128Iss", "Op2", 19, 17, null },
        { "Sys128Iss", "Op1", 16, 14, null },
        { "Sys128Iss", "CRn", 13, 10, null },
        { "Sys128Iss", "Rt", 9, 6, null },
        { "Sys128Iss", "CRm", 4, 1, null },
        { "Sys128Iss", "Direction", 0, 0, null },

        // ISS encoding for an exception due to SME functionality (EC 0b011101): Bits [24:3] RES0; SMTC, bits [2:0].
        { "SmeIss", "SMTC", 2, 0, null },

        // ISS encoding for a Granule Protection Check exception (EC 0b011110, ESR_EL3): Bits [24:22] RES0;
        // S2PTW [21]; InD [20]; GPCSC [19:14]; VNCR [13] ("When InD is 1, this field is RES0"); Bits [12:9] RES0;
        // CM [8]; S1PTW [7]; WnR [6] ("When InD is 1, this field is RES0"); xFSC [5:0].
        { "GpcIss", "S2PTW", 21, 21, null },
        { "GpcIss", "InD", 20, 20, null },
        { "GpcIss", "GPCSC", 19, 14, null },
        { "GpcIss", "VNCR", 13, 13, "InD" },
        { "GpcIss", "CM", 8, 8, null },
        { "GpcIss", "S1PTW", 7, 7, null },
        { "GpcIss", "WnR", 6, 6, "InD" },
        { "GpcIss", "xFSC", 5, 0, null },

        // ISS encoding for an exception from the Memory Copy and Memory Set instructions (EC 0b100111): MemInst [24];
        // isSETG [23]; Options [22:19]; FromEpilogue [18]; FormatOption [17:16]; Bit [15] RES0; destreg [14:10];
        // srcreg [9:5]; sizereg [4:0].
        { "MopsIss", "MemInst", 24, 24, null },
        { "MopsIss", "isSETG", 23, 23, null },
        { "MopsIss", "Options", 22, 19, null },
        { "MopsIss", "FromEpilogue", 18, 18, null },
        { "MopsIss", "FormatOption", 17, 16, null },
        { "MopsIss", "destreg", 14, 10, null },
        { "MopsIss", "srcreg", 9, 5, null },
        { "MopsIss", "sizereg", 4, 0, null },

        // ISS encoding for a GCS exception (EC 0b101101): Bit [24] RES0; ExType [23:20]; Bits [19:15] RES0;
        // Raddr [14:10] when ExType == 0b0010; Rn [9:5] when ExType == 0b0000; Rvalue [9:5] when ExType == 0b0010;
        // IT [4:0] when ExType == 0b0000.
        { "GcsIss", "ExType", 23, 20, null },
        { "GcsIss", "Raddr", 14, 10, "ExType" },
        { "GcsIss", "Rn", 9, 5, "ExType" },
        { "GcsIss", "Rvalue", 9, 5, "ExType" },
        { "GcsIss", "IT", 4, 0, "ExType" },
    };

    /// <summary>The bits the Arm ARM calls RES0 in each layout (within ISS [24:0]).</summary>
    public static TheoryData<string, int, ulong> Res0() => new()
    {
        { "OtherIss", 0x0A, 0 },
        { "Sys128Iss", 0x14, 0x01C0_0020 },    // [24:22], [5]
        { "SmeIss", 0x1D, 0x01FF_FFF8 },       // [24:3]
        { "GpcIss", 0x1E, 0x01C0_1E00 },       // [24:22], [12:9]
        { "MopsIss", 0x27, 0x0000_8000 },      // [15]
        { "GcsIss", 0x2D, 0x010F_8000 },       // [24], [19:15]
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_field_is_where_the_Arm_ARM_puts_it(string layout, string field, int msb, int lsb, string? dependsOn)
    {
        var bits = Layout(layout).Fields.Single(f => f.Name == field);

        Assert.Equal((msb, lsb), (bits.Msb, bits.Lsb));
        Assert.Equal(dependsOn, Layout(layout).Conditions.Where(c => c.Field == bits).Select(c => c.On.Name).SingleOrDefault());
    }

    [Theory]
    [MemberData(nameof(Res0))]
    public void The_layout_has_the_Arm_ARMs_fields_and_leaves_its_RES0_bits_uncovered(string layout, int ec, ulong res0)
    {
        var iss = Layout(layout);
        var named = Fields().Select(row => ((string)row[0], (string)row[1])).Where(row => row.Item1 == layout).Select(row => row.Item2);
        var covered = iss.Fields.Aggregate(0UL, (mask, f) => mask | f.Mask);

        Assert.Same(iss, Layouts.IssOf(ec));
        Assert.Equal(named.Order(), iss.Fields.Select(f => f.Name).Order());
        Assert.Equal(Layouts.Esr.ISS.ValueMask & ~res0, covered);
    }

    [Theory]
    // GCS IT, "When ExType == 0b0000": 0b01000 a GCSPOPCX instruction, 0b01001 a GCSPOPX instruction; "All other
    // values are reserved" (0b00110 and 0b00111 among them).
    [InlineData(0b01000, "GCSPOPCX")]
    [InlineData(0b01001, "GCSPOPX")]
    [InlineData(0b00101, "GCSSS2")]
    [InlineData(0b00110, null)]
    [InlineData(0b00111, null)]
    public void A_GCS_instruction_type_is_the_Arm_ARMs(int it, string? instruction)
    {
        var gcs = Layout("GcsIss");
        var meaning = gcs.MeaningOf(gcs.Field("IT"), (ulong)it);

        if (instruction is null)
        {
            Assert.Null(meaning);
        }
        else
        {
            Assert.Contains(instruction + " instruction", meaning, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    // MOPS FormatOption: 0b00 Option B, 0b01 Option A, 0b10 Option A, 0b11 Option B.
    [InlineData(0b00, "Option B.")]
    [InlineData(0b01, "Option A.")]
    [InlineData(0b10, "Option A.")]
    [InlineData(0b11, "Option B.")]
    public void A_MOPS_format_option_is_the_Arm_ARMs(int value, string meaning)
    {
        var mops = Layout("MopsIss");

        Assert.Equal(meaning, mops.MeaningOf(mops.Field("FormatOption"), (ulong)value));
    }

    [Theory]
    // MSRR/MRRS Direction: 0b0 "Write access, MSRR instructions.", 0b1 "Read access, MRRS instructions.".
    [InlineData(0, "Write access, MSRR instructions.")]
    [InlineData(1, "Read access, MRRS instructions.")]
    public void An_MSRR_or_MRRS_direction_is_the_Arm_ARMs(int value, string meaning)
    {
        var sys128 = Layout("Sys128Iss");

        Assert.Equal(meaning, sys128.MeaningOf(sys128.Field("Direction"), (ulong)value));
    }

    private static BitLayout Layout(string name) => Layouts.All.Single(l => l.Name == name);
}

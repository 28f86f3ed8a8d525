using System.Collections.Generic;
using System.Linq;
using TrapGen.Decoding;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// When SET (Synchronous Error Type, ISS[12:11]) applies, from the Arm ARM's ESR_EL2 (D24.2.46), which words it
/// differently for the two aborts:
/// <list type="bullet">
/// <item>"ISS encoding for an exception from an Instruction Abort": "SET, bits [12:11] — When FEAT_RAS is
/// implemented and IFSC == 0b010000 … Otherwise: Reserved, RES0." A synchronous External abort on a table walk
/// (0b01001x, 0b0101xx) has no SET.</item>
/// <item>"ISS encoding for an exception from a Data Abort": "When IsFeatureImplemented(FEAT_RAS) &amp;&amp; ((DFSC ==
/// 0b010000 || DFSC IN { 0b01001x }) || DFSC IN { 0b0101xx }): SET, bits [12:11] … Otherwise: Reserved, RES0."
/// The table walk's codes have SET; 0b010001 (Synchronous Tag Check Fault) does not. Bits [12:11] are LST instead
/// "When (DFSC IN { 0b00xxxx } || DFSC IN { 0b10101x }) &amp;&amp; !(DFSC IN { 0b0000xx })".</item>
/// </list>
/// SET's values, in both: 0b00 "Recoverable state (UER).", 0b10 "Uncontainable (UC).", 0b11 "Restartable state
/// (UEO).", and "All other values are reserved." TrapGen decodes as if FEAT_RAS is implemented.
/// </summary>
public sealed class SynchronousErrorTypeTests
{
    /// <summary>IFSC values with SET: 0b010000.</summary>
    private static readonly HashSet<int> InstructionAbortSet = [0b010000];

    /// <summary>DFSC values with SET: 0b010000, 0b01001x, 0b0101xx.</summary>
    private static readonly HashSet<int> DataAbortSet = [0b010000, 0b010010, 0b010011, 0b010100, 0b010101, 0b010110, 0b010111];

    /// <summary>DFSC values with LST at [12:11]: 0b00xxxx or 0b10101x, but not 0b0000xx.</summary>
    private static readonly HashSet<int> DataAbortLst = [.. Enumerable.Range(0b000100, 12), 0b101010, 0b101011];

    public static TheoryData<int> FaultStatusCodes() => [.. Enumerable.Range(0, 64)];

    [Theory]
    [MemberData(nameof(FaultStatusCodes))]
    public void An_instruction_abort_has_SET_only_for_a_synchronous_External_abort_not_on_a_table_walk(int ifsc)
    {
        // EC 0x20 (Instruction Abort from a lower Exception level), IL 1, SET = 0b11.
        var syndrome = SyndromeDescription.From((0x20UL << 26) | (1UL << 25) | (0b11UL << 11) | (uint)ifsc);

        AssertSet(syndrome, InstructionAbortSet.Contains(ifsc), otherField: null);
    }

    [Theory]
    [MemberData(nameof(FaultStatusCodes))]
    public void A_data_abort_has_SET_for_a_synchronous_External_abort_on_a_table_walk_too(int dfsc)
    {
        // EC 0x24 (Data Abort from a lower Exception level), IL 1, ISV 0, SET = 0b11.
        var syndrome = SyndromeDescription.From((0x24UL << 26) | (1UL << 25) | (0b11UL << 11) | (uint)dfsc);

        AssertSet(syndrome, DataAbortSet.Contains(dfsc), DataAbortLst.Contains(dfsc) ? "LST" : null);
    }

    [Theory]
    // IFSC 0b010000 and DFSC 0b010000, 0b010010 (level -2) and 0b010101 (level 1), each SET value.
    [InlineData(0x20, 0b010000, 0b00, "Recoverable state (UER).")]
    [InlineData(0x20, 0b010000, 0b10, "Uncontainable (UC).")]
    [InlineData(0x20, 0b010000, 0b11, "Restartable state (UEO).")]
    [InlineData(0x24, 0b010000, 0b00, "Recoverable state (UER).")]
    [InlineData(0x24, 0b010010, 0b10, "Uncontainable (UC).")]
    [InlineData(0x25, 0b010101, 0b11, "Restartable state (UEO).")]
    public void SET_means_what_the_Arm_ARM_says(int ec, int fsc, int set, string meaning)
    {
        var syndrome = SyndromeDescription.From(((ulong)ec << 26) | (1UL << 25) | ((ulong)set << 11) | (uint)fsc);

        var field = Assert.Single(syndrome.Fields, f => f.Name == "SET");
        Assert.Equal((12, 11), (field.Lsb + field.Width - 1, field.Lsb));
        Assert.Equal((uint)set, field.Value);
        Assert.Equal(meaning, field.Meaning);
        Assert.Empty(syndrome.Warnings);
    }

    [Theory]
    [InlineData(0x21, 0b010000)]
    [InlineData(0x24, 0b010100)]
    public void SET_0b01_is_reserved(int ec, int fsc)
    {
        var syndrome = SyndromeDescription.From(((ulong)ec << 26) | (1UL << 25) | (0b01UL << 11) | (uint)fsc);

        Assert.Null(Assert.Single(syndrome.Fields, f => f.Name == "SET").Meaning);
        Assert.Contains("SET = 0x1 is a value the Arm ARM reserves (or this table does not name)", syndrome.Warnings);
    }

    private static void AssertSet(SyndromeDescription syndrome, bool applies, string? otherField)
    {
        var set = syndrome.Fields.SingleOrDefault(f => f.Name == "SET");
        if (applies)
        {
            Assert.NotNull(set);
            Assert.Equal("Restartable state (UEO).", set.Meaning);
            Assert.DoesNotContain(syndrome.Warnings, w => w.Contains("[12:11]", System.StringComparison.Ordinal));
            return;
        }

        Assert.Null(set);
        if (otherField is not null)
        {
            Assert.Contains(syndrome.Fields, f => f.Name == otherField && f.Lsb == 11 && f.Width == 2);
        }
        else
        {
            // RES0: bits set there are a warning.
            Assert.Contains("ISS bits [12:11] are 0x3 where no field of this exception class applies: RES0 (or UNKNOWN) in the Arm ARM", syndrome.Warnings);
        }
    }
}

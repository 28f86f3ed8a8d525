using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="ClosestName"/>'s "did you mean" rule: a candidate is offered when its edit distance from the name
/// (Levenshtein's insertions, deletions and substitutions, and a swap of two neighbours, each 1), ignoring case, is at most a third of the name's length (at least 1). The distances below are counted by
/// hand, at the limit and one past it, so a bound that is off by one, or a distance that stops early, fails.
/// </summary>
public sealed class ClosestNameTests
{
    [Theory]
    [InlineData("sctlr_el", "SCTLR_EL1", true)]   // length 8, limit 2: one insertion
    [InlineData("ABC", "ABCD", true)]             // limit 1: one insertion, the lengths differ by the limit
    [InlineData("ABC", "ABCDE", false)]           // two insertions
    [InlineData("ABCDEF", "ABXDEY", true)]        // limit 2: two substitutions
    [InlineData("ABCDEF", "XYCDEZ", false)]       // three substitutions
    [InlineData("ABCDEF", "XXABCD", false)]       // two insertions in front and two deletions at the end: 4
    [InlineData("ABCDEF", "ABCDEG", true)]        // one substitution at the end
    [InlineData("ABCDEFGHI", "ABCDEFXYZ", true)]  // length 9, limit 3: three substitutions
    [InlineData("ABCDEFGHI", "ABCDEWXYZ", false)] // four substitutions
    [InlineData("ABCDEF", "BADCEF", true)]        // limit 2: two swaps of neighbours (four substitutions)
    [InlineData("ABCDEF", "BADCFE", false)]       // three swaps
    public void A_candidate_within_a_third_of_the_names_length_is_offered(string name, string candidate, bool offered)
    {
        Assert.Equal(offered ? candidate : null, ClosestName.Find(name, ["UNRELATED_NAME", candidate]));
        Assert.Equal(offered ? [candidate] : [], ClosestName.FindAll(name, ["UNRELATED_NAME", candidate]));
    }

    [Fact]
    public void The_closest_of_several_is_offered_and_every_equally_close_one_by_find_all()
    {
        // From "TTBR0_EL": TTBR0_EL1 and TTBR0_EL2 are one insertion away, TTBR1_EL1 two.
        string[] candidates = ["TTBR1_EL1", "TTBR0_EL2", "TTBR0_EL1"];

        Assert.Equal(["TTBR0_EL2", "TTBR0_EL1"], ClosestName.FindAll("ttbr0_el", candidates));
        Assert.Equal("TTBR0_EL2", ClosestName.Find("ttbr0_el2", candidates));
    }

    [Fact]
    public void A_swap_of_neighbours_is_closer_than_a_longer_name_two_edits_away()
    {
        // SCTRL_EL1 is one swap from SCTLR_EL1 and two edits from SCTLR2_EL1 (insert L, R to 2), which sorts first.
        Assert.Equal("SCTLR_EL1", ClosestName.Find("SCTRL_EL1", ["SCTLR2_EL1", "SCTLR_EL1"]));
        Assert.Equal(["SCTLR_EL1"], ClosestName.FindAll("SCTRL_EL1", ["SCTLR2_EL1", "SCTLR_EL1"]));
    }
}

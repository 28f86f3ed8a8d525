using System;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The names a catalogue's trap group may have (issue 23): every control by its qualified name, one control for each; a
/// coarse control by its field alone, which no fine-grained field shares (so that an unqualified name is never two
/// controls); a fine-grained field by its field alone in one or two registers, never more.
/// </summary>
public sealed class TrapControlNameTests
{
    [Fact]
    public void Every_control_is_found_by_its_qualified_name_and_no_two_share_one()
    {
        var all = TrapControls.All.Concat(FineGrainedTraps.All).ToList();

        Assert.Equal(all.Select(c => c.QualifiedName), TrapControls.QualifiedNames);
        Assert.Equal(all.Count, TrapControls.QualifiedNames.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.Same(c, TrapControls.Find(c.QualifiedName)));
    }

    [Fact]
    public void A_coarse_controls_field_name_is_that_control_alone()
    {
        Assert.All(TrapControls.All, c => Assert.Equal([c], TrapControls.Named(c.Name)));
    }

    [Fact]
    public void A_fine_grained_field_name_is_in_a_read_and_a_write_register_at_most()
    {
        var byName = FineGrainedTraps.All.GroupBy(c => c.Name, StringComparer.Ordinal).ToList();

        Assert.All(byName, g => Assert.InRange(TrapControls.Named(g.Key).Count, 1, 2));
        Assert.Equal(["HFGRTR_EL2", "HFGWTR_EL2"], TrapControls.Named("TTBR0_EL1").Select(c => c.Register));
        Assert.Equal(["HFGITR_EL2"], TrapControls.Named("DCCVAC").Select(c => c.Register));
        Assert.Empty(TrapControls.Named("NOT_A_CONTROL"));
    }
}

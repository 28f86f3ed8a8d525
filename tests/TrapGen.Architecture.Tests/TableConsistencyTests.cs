using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>The tables agree with themselves and with the Arm ARM's rules for what each trap control covers.</summary>
public sealed class TableConsistencyTests
{
    private static readonly IEnumerable<Aarch32Register> Cp15 = Aarch32Registers.All.Where(r => r.Coprocessor == 15);

    [Fact]
    public void Aarch64_rows_share_an_encoding_only_when_the_read_and_the_write_are_named_differently()
    {
        foreach (var group in Aarch64Registers.All.GroupBy(r => r.Encoding).Where(g => g.Count() > 1))
        {
            Assert.Equal(2, group.Count());
            Assert.Equal([RegisterAccess.ReadOnly, RegisterAccess.WriteOnly], group.Select(r => r.Access).Order());
        }
    }

    [Fact]
    public void Names_are_unique_within_each_table()
    {
        Assert.Empty(Aarch64Registers.All.SelectMany(r => r.OtherNames.Prepend(r.Name)).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(SystemInstructions.All.GroupBy(i => i.FullName).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Aarch32Registers.All.GroupBy(r => (r.Name, r.Coprocessor, r.Encoding.Form)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Aarch32Registers.All.GroupBy(r => (r.Coprocessor, r.Encoding)).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void The_exception_level_of_an_aarch64_register_is_the_one_its_name_says()
    {
        // SP_EL0, SP_EL1 and SP_EL2 are the exception: only the next Exception level up moves them.
        Assert.Equal([1, 2, 3], new[] { "SP_EL0", "SP_EL1", "SP_EL2" }.Select(n => Aarch64Registers.TryFind(n, out var sp) ? sp.ExceptionLevel : -1));
        foreach (var register in Aarch64Registers.All.Where(r => !r.Name.StartsWith("SP_EL", System.StringComparison.Ordinal)))
        {
            var suffix = register.Name.Split('_')[^1];
            int? expected = suffix switch
            {
                "EL0" => 0,
                "EL1" => 1,
                "EL2" or "EL12" or "EL02" => 2,
                "EL3" => 3,
                _ => null,
            };
            Assert.True(expected is null || expected == register.ExceptionLevel, register.Name + " has el " + register.ExceptionLevel);
        }
    }

    [Fact]
    public void Every_aarch32_mapping_names_a_register_of_the_aarch64_table_with_a_view_that_fits_its_form()
    {
        foreach (var register in Aarch32Registers.All.Where(r => r.MapsTo is not null))
        {
            Assert.True(Aarch64Registers.TryFind(register.MapsTo!, out var target), register.Name + " maps to " + register.MapsTo + ", which the AArch64 table lacks");
            Assert.Equal(register.MapsTo, target.Name);
            Assert.Equal(64, target.Width);
            Assert.True(
                register.Encoding.Form == AccessForm.Mcrr ? register.View == RegisterView.Whole : register.View is RegisterView.Lo or RegisterView.Hi,
                register.Name + ": a " + register.Encoding.AccessWidth + "-bit view is " + register.View);
        }
    }

    [Fact]
    public void No_two_cp15_registers_claim_the_same_bits_of_one_aarch64_register()
    {
        var claims = Cp15.Where(r => r.MapsTo is not null).GroupBy(r => (r.MapsTo, r.View)).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(r => r.Name)));
        Assert.Empty(claims);
    }

    [Fact]
    public void An_aarch32_view_is_trapped_by_the_same_controls_as_the_el1_register_it_maps_to()
    {
        foreach (var view in Cp15.Where(r => r.MapsTo is not null && r.IsGuestAccessible))
        {
            Assert.True(Aarch64Registers.TryFind(view.MapsTo!, out var register));
            if (!register.IsGuestAccessible)
            {
                continue; // DACR32_EL2: EL1 reaches it only through DACR, which is trapped on its own.
            }

            Assert.True(Rules(view.Traps).SequenceEqual(Rules(register.Traps)), view.Name + " is trapped by " + Rules(view.Traps) + ", " + register.Name + " by " + Rules(register.Traps));
        }
    }

    [Fact]
    public void Tvm_traps_the_writes_of_exactly_the_registers_whose_reads_trvm_traps()
    {
        var everything = Aarch64Registers.All.Select(r => (r.Name, r.Traps)).Concat(Cp15.Select(r => (r.Name, r.Traps)));
        foreach (var (name, traps) in everything)
        {
            var tvm = traps.SingleOrDefault(t => t.Control == TrapControls.TVM);
            var trvm = traps.SingleOrDefault(t => t.Control == TrapControls.TRVM);
            Assert.Equal(tvm is null, trvm is null);
            Assert.True(tvm is null || (tvm.Direction == AccessDirection.Write && trvm!.Direction == AccessDirection.Read), name);
        }
    }

    [Fact]
    public void Tid3_traps_the_reads_of_every_named_register_in_the_id_space_and_nothing_else()
    {
        foreach (var register in Aarch64Registers.All)
        {
            var e = register.Encoding;
            var inIdSpace = e.Op0 == 3 && e.Op1 == 0 && e.CRn == 0 && e.CRm is >= 1 and <= 7;
            var tid3 = register.Traps.SingleOrDefault(t => t.Control == TrapControls.TID3);
            Assert.True(inIdSpace == (tid3 is not null), register.Name);
            Assert.True(tid3 is null || (tid3.Direction == AccessDirection.Read && register.Access == RegisterAccess.ReadOnly), register.Name);
        }
    }

    [Fact]
    public void The_cache_and_tlb_controls_trap_only_the_instructions_of_their_kind()
    {
        foreach (var instruction in SystemInstructions.All)
        {
            foreach (var rule in instruction.Traps.Where(r => !FineGrainedTraps.All.Contains(r.Control)))
            {
                var fits = rule.Control.Name switch
                {
                    "TSW" => instruction.Operation == "DC" && instruction.Name.EndsWith("SW", System.StringComparison.Ordinal),
                    "TPC" or "TPU" => instruction.Operation is "DC" or "IC",
                    "TTLB" => instruction.Operation == "TLBI" && instruction.ExceptionLevel == 1,
                    "TDZ" => instruction.Operation == "DC" && instruction.Name is "ZVA" or "GVA" or "GZVA",
                    "TICAB" => instruction.FullName == "IC IALLUIS",
                    "TOCU" => instruction.FullName is "IC IVAU" or "IC IALLU" or "DC CVAU",
                    "TTLBIS" => instruction.Operation == "TLBI" && instruction.ExceptionLevel == 1 && Shareability(instruction.Name) == "IS",
                    "TTLBOS" => instruction.Operation == "TLBI" && instruction.ExceptionLevel == 1 && Shareability(instruction.Name) == "OS",
                    "AT" => instruction.Operation == "AT" && instruction.ExceptionLevel == 1,

                    // Every EL2 instruction (AT and TLBI), and the prediction restrictions by context, whose EL1 pseudocode checks it.
                    "NV" => instruction.ExceptionLevel == 2 || (instruction.Name == "RCTX" && instruction.Operation is "CFP" or "DVP" or "CPP" or "COSP"),
                    _ => false,
                };
                Assert.True(fits, rule.Control.Name + " on " + instruction.FullName);
                Assert.Equal(AccessDirection.Write, rule.Direction);
            }
        }

        Assert.All(Aarch64Registers.All.SelectMany(r => r.Traps), rule => Assert.DoesNotContain(rule.Control.Name, new[] { "TSW", "TPC", "TPU", "TTLB", "TDZ", "TSC", "TICAB", "TOCU", "TTLBIS", "TTLBOS", "AT" }));
    }

    /// <summary>A TLBI's shareability suffix, before an nXS qualifier's: VAE1ISNXS and VAE1IS give IS.</summary>
    private static string Shareability(string name)
    {
        var plain = name.EndsWith("NXS", System.StringComparison.Ordinal) ? name[..^3] : name;
        return plain.Length > 2 ? plain[^2..] : plain;
    }

    [Fact]
    public void Hypervisor_and_secure_state_is_not_guest_accessible()
    {
        Assert.All(Aarch64Registers.All.Where(r => r.Encoding.Op0 == 3 && r.Encoding.Op1 is 4 or 6), r => Assert.False(r.IsGuestAccessible, r.Name));
        Assert.All(Cp15.Where(r => r.Encoding.Opc1 == 4 && r.Encoding.Form == AccessForm.Mcr), r => Assert.False(r.IsGuestAccessible, r.Name));
        Assert.All(new[] { "HCR", "HCR2", "HVBAR", "HSCTLR", "CNTHCTL", "HTTBR", "VTTBR", "SCR", "MVBAR" }, name =>
            Assert.All(Aarch32Registers.Named(name), r => Assert.False(r.IsGuestAccessible, name)));
    }

    /// <summary>The HCR_EL2 rules, but NV and NV1's, which trap an AArch64 EL1's accesses only (no AArch32 accessor checks them: VBAR).</summary>
    private static string Rules(IReadOnlyList<TrapRule> rules) =>
        string.Join(",", rules.Where(r => r.Control.Register == HcrEl2.Name && r.Control != TrapControls.NV && r.Control != TrapControls.NV1).Select(r => r.Control.Name + ":" + r.Direction).Order());
}

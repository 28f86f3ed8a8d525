using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// nv2-memory.table against the Arm ARM's accessor pseudocode (ArmArm/nv2-memory.tsv, written by
/// tools/architecture/extract-nv2-memory.py), both ways, and against Linux's vncr_mapping.h, an independent list of the
/// offsets; and the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; each row's condition holds under.
/// </summary>
public sealed class Nv2MemoryTableTests
{
    /// <summary>The registers whose pseudocode reaches memory but that aarch64-registers.table lacks, as the table's header lists them.</summary>
    private static readonly string[] AbsentRegisters = ["HACDBSBR_EL2", "HACDBSCONS_EL2", "SPMACCESSR_EL12"];

    [Fact]
    public void Every_accessor_the_pseudocode_sends_to_memory_is_a_row_with_its_offset_and_nvx()
    {
        var expected = PseudocodeRows().Where(r => !AbsentRegisters.Contains(r.Name)).Select(r => (r.Name, r.Offset, r.Nvx)).Distinct().ToList();
        var table = Nv2Memory.All.ToDictionary(row => row.Name);

        Assert.True(expected.Count > 150, "the extraction lost accessors: " + expected.Count);
        Assert.All(expected, e =>
        {
            Assert.True(table.TryGetValue(e.Name, out var row), e.Name + " is missing");
            Assert.Equal((e.Offset, e.Nvx), (row!.Offset, row.Condition.Pattern()));
        });
        Assert.All(AbsentRegisters, name => Assert.False(Aarch64Registers.TryFind(name, out _), name + " is in aarch64-registers.table now: add its row"));
    }

    [Fact]
    public void Every_row_comes_from_the_pseudocode_but_the_gic_registers_of_table_d8_120()
    {
        var fromPseudocode = PseudocodeRows().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var others = Nv2Memory.All.Where(row => !fromPseudocode.Contains(row.Name)).ToList();

        // D8.14.6.2 Table D8-120: ICH_LR<n>_EL2 at 0x400 + 8n, ICH_AP0R<n>_EL2 at 0x480 + 8n, ICH_AP1R<n>_EL2 at 0x4A0 + 8n,
        // ICH_HCR_EL2 at 0x4C0 and ICH_VMCR_EL2 at 0x4C8, named in both of its columns.
        var gic = Enumerable.Range(0, 16).Select(n => ("ICH_LR" + N(n) + "_EL2", 0x400 + (8 * n)))
            .Concat(Enumerable.Range(0, 4).Select(n => ("ICH_AP0R" + N(n) + "_EL2", 0x480 + (8 * n))))
            .Concat(Enumerable.Range(0, 4).Select(n => ("ICH_AP1R" + N(n) + "_EL2", 0x4A0 + (8 * n))))
            .Append(("ICH_HCR_EL2", 0x4C0)).Append(("ICH_VMCR_EL2", 0x4C8));
        Assert.Equal(gic.Order(), others.Select(row => (row.Name, row.Offset)).Order());
        Assert.All(others, row => Assert.Equal(NvxCondition.Nvx1x1, row.Condition));
    }

    [Fact]
    public void Only_nv_traps_after_the_memory_access()
    {
        // The emulated CPU checks an access's other rules, then the memory access, then HCR_EL2.NV: every complete accessor
        // of the pseudocode checks nothing else after its NVMem.
        Assert.All(PseudocodeRows().Where(r => r.Complete), r => Assert.Contains(r.After, new[] { "-", "HCR_EL2.NVx?IN{'xx1'}" }));
    }

    [Fact]
    public void The_128_bit_accesses_are_those_of_the_registers_with_both_rows()
    {
        var pseudocode = PseudocodeRows().Where(r => r.Width == 128).Select(r => r.Name).Distinct().Order().ToList();
        var table = Aarch64Registers128.All.Where(r => Nv2Memory.TryFind(TrapClasses.Sys128, r.Key, out _)).Select(r => r.Name).Order().ToList();

        Assert.Equal(["TTBR0_EL1", "TTBR0_EL12", "TTBR1_EL1", "TTBR1_EL12", "VTTBR_EL2"], pseudocode);
        Assert.Equal(pseudocode, table);
        // NVMem128's offsets are 16-byte aligned (D8.14.6.2 ICRPJG).
        Assert.All(table, name => Assert.True(Nv2Memory.TryFind(TrapClasses.Sys128, Aarch64Registers128.All.First(r => r.Name == name).Key, out var row) && row.Offset % 16 == 0));
    }

    [Fact]
    public void Linux_puts_every_register_it_names_where_the_table_does()
    {
        var linux = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Sources", "linux-vncr-mapping.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' '))
            .Select(cells => (Name: cells[0], Offset: int.Parse(cells[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();
        var table = Nv2Memory.All.ToDictionary(row => row.Name);

        Assert.Equal(98, linux.Count);
        // Linux names each location by the name the guest hypervisor uses without VHE (SCTLR_EL1, not SCTLR_EL12).
        Assert.All(linux, l =>
        {
            Assert.True(table.TryGetValue(l.Name, out var row), l.Name);
            Assert.Equal(l.Offset, row!.Offset);
            Assert.NotEqual(NvxCondition.Nvx101, row.Condition);
        });
    }

    [Theory]
    [InlineData("SCTLR_EL1", 0b111, true)]
    [InlineData("SCTLR_EL1", 0b101, false)]
    [InlineData("SCTLR_EL1", 0b011, false)]
    [InlineData("SCTLR_EL12", 0b101, true)]
    [InlineData("SCTLR_EL12", 0b111, false)]
    [InlineData("HCR_EL2", 0b101, true)]
    [InlineData("HCR_EL2", 0b111, true)]
    [InlineData("HCR_EL2", 0b001, false)]
    [InlineData("MDSCR_EL1", 0b101, true)]
    [InlineData("MDSCR_EL1", 0b111, true)]
    [InlineData("MDSCR_EL1", 0b000, false)]
    public void A_row_goes_to_memory_only_under_its_nvx(string name, int nvx, bool applies)
    {
        Assert.True(Aarch64Registers.TryFind(name, out var register));
        Assert.True(Nv2Memory.TryFind(TrapClasses.Msr, register.Encoding.Key, out var row));
        Assert.Equal(applies, row.AppliesUnder(nvx));
    }

    [Theory]
    [InlineData(0x0000_0000_0000UL, "max", 0b000)]
    [InlineData(0x2400_0000_0000UL, "apple-m3", 0b101)] // NV and NV2
    [InlineData(0x2C00_0000_0000UL, "apple-m3", 0b111)]
    [InlineData(0x2800_0000_0000UL, "apple-m3", 0b000)] // NV2 and NV1 without NV: NV2 is 0 while NV is (D24.2.62)
    [InlineData(0x2C00_0000_0000UL, "neoverse-v1", 0b111)] // Armv8.4: FEAT_NV2 (ID_AA64MMFR2_EL1.NV 2)
    [InlineData(0x2C00_0000_0000UL, "neoverse-n2+FEAT_NV", 0b011)] // FEAT_NV alone: NV2 is RES0
    [InlineData(0x2C00_0000_0000UL, "neoverse-n1", 0b000)] // no FEAT_NV: none of them
    [InlineData(0x2C00_0000_0000UL, "cortex-a57", 0b000)]
    public void The_effective_nvx_needs_each_bits_feature_and_nv(ulong hcr, string model, int nvx)
    {
        Assert.Equal(nvx, NestedVirtualisation.EffectiveNvx(hcr, CpuModels.Find(model)));
    }

    [Fact]
    public void Nv1_traps_nothing_while_nv2_sends_its_registers_to_memory()
    {
        var m3 = CpuModels.Find("apple-m3")!;
        var nvOnly = CpuModels.Find("neoverse-n2+FEAT_NV")!;
        var nvNv1 = new TrapControlRegisters(0x0C00_0000_0000UL, 0, 0);
        var withNv2 = nvNv1 with { Hcr = nvNv1.Hcr | (1UL << 45) };

        Assert.Equal((43, new BitRequirement(42, 45)), (TrapControls.NV1.Bit, TrapControls.NV1.Requires));
        Assert.True(nvNv1.IsActive(TrapControls.NV1, m3));
        Assert.False(withNv2.IsActive(TrapControls.NV1, m3));
        Assert.False(withNv2.IsActive(TrapControls.NV1, model: null));
        // On a CPU with FEAT_NV but not FEAT_NV2, NV2 is RES0: NV1 traps whatever it holds.
        Assert.True(nvNv1.IsActive(TrapControls.NV1, nvOnly));
        Assert.True(withNv2.IsActive(TrapControls.NV1, nvOnly));
    }

    [Fact]
    public void Every_redirection_the_pseudocode_makes_is_a_row_and_d8_14_6_1_lists_them_all()
    {
        var pseudocode = Redirections().Distinct().Order().ToList();
        var table = Nv2Redirections.All.Select(r => (r.Register.Name, r.To.Name)).Order().ToList();

        // D8.14.6.1: SPSR_EL2, ELR_EL2, ESR_EL2, FAR_EL2 and TFSR_EL2, each to its EL1 register; the conversion lost TFSR_EL2's.
        Assert.Equal([("ELR_EL2", "ELR_EL1"), ("ESR_EL2", "ESR_EL1"), ("FAR_EL2", "FAR_EL1"), ("SPSR_EL2", "SPSR_EL1"), ("TFSR_EL2", "TFSR_EL1")], table);
        Assert.Equal(table.Where(r => r.Item1 != "TFSR_EL2"), pseudocode);
        Assert.All(Nv2Redirections.All, r => Assert.False(Nv2Memory.TryFind(TrapClasses.Msr, r.Register.Encoding.Key, out _), r.Register.Name));
        Assert.All(Nv2Redirections.All, r => Assert.True(Nv2Redirections.TryFind(TrapClasses.Msr, r.Register.Encoding.Key, out var found) && found == r));
    }

    /// <summary>The pseudocode's redirections: (the EL2 register, the EL1 register its EL1 access reaches).</summary>
    private static IEnumerable<(string, string)> Redirections() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ArmArm", "nv2-memory.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Where(cells => cells[6] == "-")
            .Select(cells => (cells[1], cells[5]));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);


    /// <summary>The pseudocode's rows, an array's expanded to its 16 registers (AMEVCNTVOFF0&lt;n&gt;_EL2 at 0xA00 + 8n).</summary>
    private static IEnumerable<(string Name, int Offset, string Nvx, int Width, string After, bool Complete)> PseudocodeRows()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ArmArm", "nv2-memory.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            var name = cells[1];
            if (cells[6] == "-")
            {
                continue; // a redirection to an EL1 register: Redirections()
            }

            var plus = cells[5].IndexOf('+', StringComparison.Ordinal);
            var offset = int.Parse(cells[5].AsSpan(2, (plus < 0 ? cells[5].Length : plus) - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var width = int.Parse(cells[6], CultureInfo.InvariantCulture);
            var complete = cells[9] == "complete";
            var open = name.IndexOf('<', StringComparison.Ordinal);
            if (open < 0)
            {
                yield return (name, offset, cells[4], width, cells[8], complete);
                continue;
            }

            for (var n = 0; n < 16; n++)
            {
                var expanded = string.Concat(name.AsSpan(0, open), N(n), name.AsSpan(name.IndexOf('>', StringComparison.Ordinal) + 1));
                yield return (expanded, offset + (8 * n), cells[4], width, cells[8], complete);
            }
        }
    }
}

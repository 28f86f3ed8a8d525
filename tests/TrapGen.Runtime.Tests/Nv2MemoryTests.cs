using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// FEAT_NV2 on the emulated CPU: with HCR_EL2.NV2 and NV set (bits 45 and 42; D24.2.62), an EL1 access to a register of
/// nv2-memory.table reads or writes the vCPU's VNCR page at the register's offset instead of the register, or of the trap NV
/// or NV1 would take, once the register's own traps have passed (each accessor's pseudocode: "elsif EffectiveHCR_EL2_NVx()
/// IN {'111'} then X[t, 64] = NVMem[0x110]"). The model is apple-m3 (ID_AA64MMFR2_EL1.NV 2: FEAT_NV and FEAT_NV2). The words
/// are MRS and MSR (C6.2.242, C6.2.245): 0xD5300000 | L (MRS) 1 &lt;&lt; 21 | op0&lt;0&gt; &lt;&lt; 19 | op1 &lt;&lt; 16 | CRn &lt;&lt; 12 | CRm &lt;&lt; 8 |
/// op2 &lt;&lt; 5 | Rt, written out by hand; the offsets are Table D8-120's.
/// </summary>
public sealed class Nv2MemoryTests
{
    private const ulong Nv = 1UL << 42, Nv1 = 1UL << 43, Nv2 = 1UL << 45, Tvm = 1UL << 26;

    /// <summary>MSR SCTLR_EL1, X0 (op0 3, op1 0, CRn 1, CRm 0, op2 0) and MRS X1, SCTLR_EL1.</summary>
    private const uint MsrSctlrEl1 = 0xD5181000, MrsSctlrEl1 = 0xD5381001;

    /// <summary>MSR SCTLR_EL12, X6 (op1 5) and MRS X7, SCTLR_EL12.</summary>
    private const uint MsrSctlrEl12 = 0xD51D1006, MrsSctlrEl12 = 0xD53D1007;

    /// <summary>MSR VBAR_EL1, X2 (CRn 12).</summary>
    private const uint MsrVbarEl1 = 0xD518C002;

    /// <summary>MRS X5, HCR_EL2 (op1 4, CRn 1, CRm 1).</summary>
    private const uint MrsHcrEl2 = 0xD53C1105;

    /// <summary>MRS X3, MDSCR_EL1 (op0 2, CRn 0, CRm 2, op2 2).</summary>
    private const uint MrsMdscrEl1 = 0xD5300243;

    [Fact]
    public void With_nv_nv1_and_nv2_an_el1_register_is_written_and_read_in_the_page_not_the_register()
    {
        var domain = Build(Nv | Nv1 | Nv2);
        var vcpu = domain.Current;
        var before = Machine.Read(domain, "SCTLR_EL1");
        vcpu.Registers.WriteX(0, 0x30D0199D);

        var write = domain.Cpu.Execute(MsrSctlrEl1);
        var read = domain.Cpu.Execute(MrsSctlrEl1);

        Assert.Equal((ExecutionKind.NestedMemory, ExecutionKind.NestedMemory), (write.Kind, read.Kind));
        Assert.Equal(0x30D0199DUL, vcpu.NestedPage.Read(0x110));
        Assert.Equal(0x30D0199DUL, vcpu.Registers.ReadX(1));
        Assert.Equal(before, Machine.Read(domain, "SCTLR_EL1"));
        Assert.Equal(8UL, vcpu.Pc);
    }

    [Fact]
    public void The_registers_own_traps_come_before_the_memory_access()
    {
        var domain = Build(Nv | Nv1 | Nv2 | Tvm);

        var write = domain.Cpu.Execute(MsrSctlrEl1);

        Assert.Equal(ExecutionKind.Trapped, write.Kind);
        Assert.Same(TrapControls.TVM, write.Control);
        Assert.Equal(0UL, domain.Current.NestedPage.Read(0x110));
    }

    [Fact]
    public void Nv1s_trap_of_vbar_el1_becomes_a_memory_access_with_nv2()
    {
        var nv1 = Build(Nv | Nv1).Cpu.Execute(MsrVbarEl1);
        var domain = Build(Nv | Nv1 | Nv2);
        domain.Current.Registers.WriteX(2, 0xFFFF_8000_8001_0800);
        var nv2 = domain.Cpu.Execute(MsrVbarEl1);

        Assert.Same(TrapControls.NV1, nv1.Control);
        Assert.Equal(ExecutionKind.NestedMemory, nv2.Kind);
        Assert.Equal(0xFFFF_8000_8001_0800UL, domain.Current.NestedPage.Read(0x250));
    }

    [Fact]
    public void With_nv1_clear_the_el12_name_goes_to_memory_and_the_el1_name_to_the_register()
    {
        var domain = Build(Nv | Nv2);
        var vcpu = domain.Current;
        vcpu.Registers.WriteX(6, 0x30D0199F);
        vcpu.Registers.WriteX(0, 0x30D00980);

        Assert.Equal(ExecutionKind.NestedMemory, domain.Cpu.Execute(MsrSctlrEl12).Kind);
        Assert.Equal(ExecutionKind.NestedMemory, domain.Cpu.Execute(MrsSctlrEl12).Kind);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(MsrSctlrEl1).Kind);
        Assert.Equal((0x30D0199FUL, 0x30D0199FUL), (vcpu.NestedPage.Read(0x110), vcpu.Registers.ReadX(7)));
        Assert.Equal(0x30D00980UL, Machine.Read(domain, "SCTLR_EL1") & 0xFFFFFFFF);
    }

    [Fact]
    public void With_nv1_set_the_el12_name_still_traps_under_nv()
    {
        var result = Build(Nv | Nv1 | Nv2).Cpu.Execute(MsrSctlrEl12);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Same(TrapControls.NV, result.Control);
    }

    [Theory]
    [InlineData(Nv | Nv2)]
    [InlineData(Nv | Nv1 | Nv2)]
    public void An_el2_register_reads_what_the_host_put_in_the_page_whatever_nv1(ulong hcr)
    {
        var domain = Build(hcr);
        domain.Current.NestedPage.Write(0x078, 0x0000_0004_8000_0000);

        var result = domain.Cpu.Execute(MrsHcrEl2);

        Assert.Equal(ExecutionKind.NestedMemory, result.Kind);
        Assert.Equal(0x0000_0004_8000_0000UL, domain.Current.Registers.ReadX(5));
    }

    [Fact]
    public void Without_nv2_an_el2_register_traps_under_nv()
    {
        var result = Build(Nv).Cpu.Execute(MrsHcrEl2);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Same(TrapControls.NV, result.Control);
    }

    [Theory]
    [InlineData(Nv | Nv2, ExecutionKind.NestedMemory)]
    [InlineData(Nv | Nv1 | Nv2, ExecutionKind.NestedMemory)]
    [InlineData(Nv | Nv1, ExecutionKind.Direct)]
    public void Mdscr_el1_goes_to_memory_under_nv2_whatever_nv1(ulong hcr, ExecutionKind kind)
    {
        var domain = Build(hcr);
        domain.Current.NestedPage.Write(0x158, 0x8000);

        var result = domain.Cpu.Execute(MrsMdscrEl1);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(kind == ExecutionKind.NestedMemory ? 0x8000UL : Machine.Read(domain, "MDSCR_EL1"), domain.Current.Registers.ReadX(3));
    }

    [Fact]
    public void Nv2_is_res0_on_a_cpu_without_feat_nv2()
    {
        var model = CpuModels.Find("neoverse-n2+FEAT_NV")!;
        Assert.False(model.Has(NestedVirtualisation.MemoryFeature));

        var nv1 = Build(Nv | Nv1 | Nv2, model).Cpu.Execute(MsrVbarEl1);
        var nv = Build(Nv | Nv2, model).Cpu.Execute(MrsHcrEl2);

        Assert.Same(TrapControls.NV1, nv1.Control);
        Assert.Same(TrapControls.NV, nv.Control);
    }

    [Fact]
    public void An_msrr_of_ttbr0_el12_stores_both_halves_at_its_16_byte_offset()
    {
        // MSRR TTBR0_EL12, X10, X11: LLVM's msrr ttbr0_el1 (0xD5582000) with op1 5 and Rt 10; NVMem128[0x200] (D24.2.209).
        var model = Machine.ModelWith("apple-m3", "apple-m3-d128", ("ID_AA64ISAR2_EL1", "SYSREG_128", 1), ("ID_AA64MMFR3_EL1", "D128", 1));
        var domain = Build(Nv | Nv2, model);
        domain.Current.Registers.WriteX(10, 0x0001_0000_41B2_0000);
        domain.Current.Registers.WriteX(11, 0x0000_0000_0000_00FF);

        var result = domain.Cpu.Execute(0xD55D200A);

        Assert.Equal(ExecutionKind.NestedMemory, result.Kind);
        Assert.Equal((0x0001_0000_41B2_0000UL, 0xFFUL), (domain.Current.NestedPage.Read(0x200), domain.Current.NestedPage.Read(0x208)));
    }

    [Theory]
    [InlineData(Nv | Nv2, true, ExecutionKind.Trapped, "EL1NVPCT")]
    [InlineData(Nv | Nv2, false, ExecutionKind.NestedMemory, null)]
    [InlineData(Nv | Nv1 | Nv2, true, ExecutionKind.Trapped, "NV")]
    [InlineData(Nv, true, ExecutionKind.Trapped, "NV")]
    public void El1nvpct_traps_cntp_ctl_el02_only_under_nv2_with_nv1_clear_before_its_memory_access(ulong hcr, bool el1nvpct, ExecutionKind kind, string? control)
    {
        // MRS X0, CNTP_CTL_EL02: op1 5, CRn 14, CRm 2, op2 1 (D24.10.16); CNTHCTL_EL2.EL1NVPCT is bit 15 (D24.10.2, FEAT_ECV).
        var model = CpuModels.Find("apple-m3+FEAT_ECV")!;
        var domain = Build(hcr, model);
        domain.Hypervisor.Cnthctl |= el1nvpct ? 1UL << 15 : 0;

        var result = domain.Cpu.Execute(0xD53DE220);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(control, result.Control?.Name);
        // EC 0x18, IL 1, Op0 3, Op2 1, Op1 5, CRn 14, Rt 0, CRm 2, Direction 1 (D24.2.46).
        Assert.Equal(0x62337805u, result.Esr);
    }

    [Fact]
    public void With_nv2_esr_el2_reaches_esr_el1_and_without_it_nv_traps()
    {
        // MSR ESR_EL2, X1 and MRS X0, ESR_EL2 (op1 4, CRn 5, CRm 2, op2 0); MRS X2, ESR_EL1 (op1 0).
        var domain = Build(Nv | Nv1 | Nv2);
        var vcpu = domain.Current;
        vcpu.Registers.WriteX(1, 0x9600_0050);

        var write = domain.Cpu.Execute(0xD51C5201);
        var read = domain.Cpu.Execute(0xD53C5200);
        var inPage = domain.Cpu.Execute(0xD5385202); // ESR_EL1 itself goes to the page (0x138) while NV1 is set too
        domain.Hypervisor.Hcr.Value &= ~Nv2;
        var el1 = domain.Cpu.Execute(0xD5385202);
        var trapped = domain.Cpu.Execute(0xD53C5200);

        Assert.Equal((ExecutionKind.Redirected, ExecutionKind.Redirected, ExecutionKind.NestedMemory, ExecutionKind.Direct), (write.Kind, read.Kind, inPage.Kind, el1.Kind));
        Assert.Equal((0x9600_0050UL, 0x9600_0050UL), (vcpu.Registers.ReadX(0), vcpu.Registers.ReadX(2)));
        Assert.Same(TrapControls.NV, trapped.Control);
    }

    [Theory]
    [InlineData(false, ExecutionKind.Trapped)]
    [InlineData(true, ExecutionKind.Redirected)]
    public void Ata_clear_traps_tfsr_el2_under_nv2_before_its_redirection(bool ata, ExecutionKind kind)
    {
        // MRS X0, TFSR_EL2 (op1 4, CRn 5, CRm 6, op2 0); HCR_EL2.ATA is bit 56, trapping while 0 (FEAT_MTE2).
        var domain = Build(Nv | Nv2 | (ata ? 1UL << 56 : 0), CpuModels.Find("apple-m3+FEAT_MTE2"));

        var result = domain.Cpu.Execute(0xD53C5600);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(ata ? null : "ATA", result.Control?.Name);
    }

    [Fact]
    public void A_memory_access_allocates_nothing()
    {
        var domain = Build(Nv | Nv1 | Nv2);

        Assert.Equal(0, Machine.AllocatedBy(() => domain.Cpu.Execute(MrsSctlrEl1)));
    }

    private static Domain Build(ulong hcr, CpuModel? model = null)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model ?? CpuModels.Find("apple-m3"));
        domain.Build();
        domain.Hypervisor.Hcr.Value = hcr | (1UL << HcrEl2.RW);
        return domain;
    }
}

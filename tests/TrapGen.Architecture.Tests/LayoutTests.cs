using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The layouts are well formed, and agree with an independent statement of the same facts: Linux's
/// arch/arm64/include/asm/esr.h, whose shifts and masks are written out here as Linux writes them.
/// </summary>
public sealed class LayoutTests
{
    [Fact]
    public void Fields_overlap_only_where_a_condition_decides_between_them()
    {
        foreach (var layout in Layouts.All)
        {
            var fields = layout.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                Assert.InRange(fields[i].Msb, 0, layout.IsIss2 ? Layouts.Esr.ISS2.Width - 1 : layout.IsSyndrome ? Layouts.Esr.ISS.Msb : 63);
                for (var j = 0; j < i; j++)
                {
                    Assert.False(
                        fields[i].Overlaps(fields[j]) && layout.CanApplyTogether(fields[i], fields[j]),
                        layout.Name + ": " + fields[i].Name + " overlaps " + fields[j].Name);
                }
            }

            Assert.True(fields.Select(f => f.Msb).SequenceEqual(fields.Select(f => f.Msb).OrderDescending()), layout.Name + " is not most significant first");
        }
    }

    [Fact]
    public void Every_allocated_exception_class_but_the_system_register_traps_has_an_iss_layout_and_every_layout_an_allocated_class()
    {
        foreach (var layout in Layouts.Syndromes)
        {
            Assert.All(layout.ExceptionClasses, ec => Assert.True(ExceptionClasses.IsAllocated(ec), layout.Name + " names unallocated EC 0x" + ec.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var withLayouts = new[] { 0x00, 0x01, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0C, 0x0E, 0x11, 0x12, 0x13, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1B, 0x1D, 0x1E, 0x20, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2C, 0x2D, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x38, 0x3A, 0x3C };
        Assert.All(withLayouts, ec => Assert.NotNull(Layouts.IssOf(ec)));
        Assert.Equal(Layouts.McrMrcIss.Layout, Layouts.IssOf(0x05));
        Assert.Equal(Layouts.McrrMrrcIss.Layout, Layouts.IssOf(0x0C));
    }

    /// <summary>
    /// An SError's RAS fields (ELS, WU, VFV, PFV, IESB, AET, EA, WnRV, WnR) apply only to an asynchronous SError,
    /// IDS = 0 and DFSC = 0b010001, as the Arm ARM's ESR_EL2 description says ("RES0 otherwise"); WnR only when
    /// WnRV is 1. For every DFSC and every value of the other bits tried, only IDS and DFSC apply otherwise.
    /// </summary>
    [Fact]
    public void An_serror_has_ras_fields_only_when_it_is_an_asynchronous_serror()
    {
        var layout = Layouts.SErrorIss.Layout;
        var ras = new[] { "ELS", "WU", "VFV", "PFV", "IESB", "AET", "EA", "WnRV" };
        for (var dfsc = 0UL; dfsc < 64; dfsc++)
        {
            foreach (var rest in new[] { 0UL, 0x7_FFC0UL, 0x2000UL })
            {
                var iss = rest | dfsc;
                var applying = layout.Fields.Where(f => layout.Applies(f, iss)).Select(f => f.Name).ToList();
                if (dfsc == 0b010001)
                {
                    Assert.Superset(new HashSet<string>(ras), new HashSet<string>(applying));
                    Assert.Equal((rest & (1UL << 7)) != 0, applying.Contains("WnR"));
                }
                else
                {
                    Assert.Equal(["IDS", "DFSC"], applying);
                }
            }
        }
    }

    [Theory]
    [InlineData(0x93C08046UL, "SAS", true)]
    [InlineData(0x92000006UL, "SAS", false)]
    [InlineData(0x92000006UL, "FnP", true)]
    [InlineData(0x92000410UL, "SET", true)]
    [InlineData(0x92000410UL, "LST", false)]
    [InlineData(0x92000006UL, "LST", true)]
    [InlineData(0x92000006UL, "FnV", false)]
    public void A_data_abort_field_applies_only_when_its_condition_holds(ulong esr, string field, bool applies)
    {
        var layout = Layouts.IssOf((int)Layouts.Esr.EC.Extract(esr))!;

        Assert.Equal(applies, layout.Applies(layout.Field(field), Layouts.Esr.ISS.Extract(esr)));
    }

    [Theory]
    // ESR_ELx_EC_SHIFT 26, ESR_ELx_EC_MASK (0x3F << 26), ESR_ELx_IL (1 << 25), ESR_ELx_ISS_MASK GENMASK(24, 0), ESR_ELx_ISS2_SHIFT 32.
    [InlineData("Esr", "EC", 26, 0xFC000000UL)]
    [InlineData("Esr", "IL", 25, 0x02000000UL)]
    [InlineData("Esr", "ISS", 0, 0x01FFFFFFUL)]
    [InlineData("Esr", "ISS2", 32, 0x00FFFFFF00000000UL)]
    // ESR_ELx_SYS64_ISS_{OP0,OP2,OP1,CRN,RT,CRM}_SHIFT and _MASK, ESR_ELx_SYS64_ISS_DIR_MASK.
    [InlineData("MsrMrsIss", "Op0", 20, 0x00300000UL)]
    [InlineData("MsrMrsIss", "Op2", 17, 0x000E0000UL)]
    [InlineData("MsrMrsIss", "Op1", 14, 0x0001C000UL)]
    [InlineData("MsrMrsIss", "CRn", 10, 0x00003C00UL)]
    [InlineData("MsrMrsIss", "Rt", 5, 0x000003E0UL)]
    [InlineData("MsrMrsIss", "CRm", 1, 0x0000001EUL)]
    [InlineData("MsrMrsIss", "Direction", 0, 0x00000001UL)]
    // ESR_ELx_CV, ESR_ELx_COND_SHIFT/MASK, ESR_ELx_CP15_32_ISS_*.
    [InlineData("McrMrcIss", "CV", 24, 0x01000000UL)]
    [InlineData("McrMrcIss", "COND", 20, 0x00F00000UL)]
    [InlineData("McrMrcIss", "Opc2", 17, 0x000E0000UL)]
    [InlineData("McrMrcIss", "Opc1", 14, 0x0001C000UL)]
    [InlineData("McrMrcIss", "CRn", 10, 0x00003C00UL)]
    [InlineData("McrMrcIss", "Rt", 5, 0x000003E0UL)]
    [InlineData("McrMrcIss", "CRm", 1, 0x0000001EUL)]
    // ESR_ELx_CP15_64_ISS_*: Opc1 is four bits at 16, Rt2 five at 10.
    [InlineData("McrrMrrcIss", "Opc1", 16, 0x000F0000UL)]
    [InlineData("McrrMrrcIss", "Rt2", 10, 0x00007C00UL)]
    [InlineData("McrrMrrcIss", "Rt", 5, 0x000003E0UL)]
    [InlineData("McrrMrrcIss", "CRm", 1, 0x0000001EUL)]
    // ESR_ELx_MOPS_ISS_MEM_INST, _FROM_EPILOGUE, _DESTREG, _SRCREG, _SIZEREG; esr.h's _WRONG_OPTION (bit 17) and
    // _OPTION_A (bit 16) are the two bits of the Arm ARM's FormatOption [17:16].
    [InlineData("MopsIss", "MemInst", 24, 0x01000000UL)]
    [InlineData("MopsIss", "FromEpilogue", 18, 0x00040000UL)]
    [InlineData("MopsIss", "FormatOption", 16, 0x00030000UL)]
    [InlineData("MopsIss", "destreg", 10, 0x00007C00UL)]
    [InlineData("MopsIss", "srcreg", 5, 0x000003E0UL)]
    [InlineData("MopsIss", "sizereg", 0, 0x0000001FUL)]
    // ESR_ELx_ExType, ESR_ELx_Raddr, ESR_ELx_Rn, ESR_ELx_Rvalue, ESR_ELx_IT (GCS)
    [InlineData("GcsIss", "ExType", 20, 0x00F00000UL)]
    [InlineData("GcsIss", "Raddr", 10, 0x00007C00UL)]
    [InlineData("GcsIss", "Rn", 5, 0x000003E0UL)]
    [InlineData("GcsIss", "Rvalue", 5, 0x000003E0UL)]
    [InlineData("GcsIss", "IT", 0, 0x0000001FUL)]
    // ESR_ELx_SME_ISS_SMTC_MASK
    [InlineData("SmeIss", "SMTC", 0, 0x00000007UL)]
    public void Each_syndrome_field_is_where_linux_esr_h_puts_it(string layout, string field, int shift, ulong mask)
    {
        var bits = Layouts.All.Single(l => l.Name == layout).Field(field);
        Assert.Equal(shift, bits.Lsb);
        Assert.Equal(mask, bits.Mask);
    }

    [Fact]
    public void The_exception_classes_of_the_trap_layouts_are_named_for_those_traps()
    {
        Assert.Equal(0x18u, TrapClasses.Msr.ExceptionClass);
        Assert.Equal(0x03u, TrapClasses.Mcr.ExceptionClass);
        Assert.Equal(0x04u, TrapClasses.Mcrr.ExceptionClass);
        Assert.Equal(0x06u, TrapClasses.LdcStc.ExceptionClass);
        Assert.Contains("LDC or STC", ExceptionClasses.NameOf(0x06), System.StringComparison.Ordinal);
        Assert.Contains("MSR, MRS", ExceptionClasses.NameOf(0x18), System.StringComparison.Ordinal);
        Assert.Contains("MCRR or MRRC access to cp15", ExceptionClasses.NameOf(0x04), System.StringComparison.Ordinal);
    }
}

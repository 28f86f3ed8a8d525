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
    public void Fields_do_not_overlap_and_fixed_values_fit_their_fields()
    {
        foreach (var layout in Layouts.All)
        {
            var fields = layout.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                Assert.InRange(fields[i].Msb, 0, 63);
                for (var j = 0; j < i; j++)
                {
                    Assert.False(fields[i].Overlaps(fields[j]), layout.Name + ": " + fields[i].Name + " overlaps " + fields[j].Name);
                }
            }

            Assert.True(fields.Select(f => f.Msb).SequenceEqual(fields.Select(f => f.Msb).OrderDescending()), layout.Name + " is not most significant first");
        }
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
    public void Each_syndrome_field_is_where_linux_esr_h_puts_it(string layout, string field, int shift, ulong mask)
    {
        var bits = Layouts.All.Single(l => l.Name == layout).Field(field);
        Assert.Equal(shift, bits.Lsb);
        Assert.Equal(mask, bits.Mask);
    }

    [Fact]
    public void The_exception_classes_of_the_trap_layouts_are_named_for_those_traps()
    {
        Assert.Equal(0x18, TrapClasses.ExceptionClass(TrapClassKind.Aarch64));
        Assert.Equal(0x03, TrapClasses.ExceptionClass(TrapClassKind.Cp15Register32));
        Assert.Equal(0x04, TrapClasses.ExceptionClass(TrapClassKind.Cp15Register64));
        Assert.Contains("MSR, MRS", ExceptionClasses.NameOf(0x18), System.StringComparison.Ordinal);
        Assert.Contains("MCRR or MRRC access to cp15", ExceptionClasses.NameOf(0x04), System.StringComparison.Ordinal);
    }
}

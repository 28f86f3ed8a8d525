using System;
using System.Collections.Generic;
using System.Linq;
using McrLayout = TrapGen.Architecture.Layouts.McrMrcIss;
using McrrLayout = TrapGen.Architecture.Layouts.McrrMrrcIss;
using MsrLayout = TrapGen.Architecture.Layouts.MsrMrsIss;

namespace TrapGen.Architecture;

/// <summary>
/// Every trapped exception class TrapGen understands (<see cref="TrapClassDescriptor"/>), and the one
/// lookup by EC: MSR/MRS and System instructions (0x18), cp15 MCR/MRC (0x03) and MCRR/MRRC (0x04), cp14
/// MCR/MRC (0x05) and MRRC (0x0C), which report the cp15 layouts, VMRS (0x08) and SMC (0x13, 0x17).
/// </summary>
public static class TrapClassDescriptors
{
    /// <summary>EC 0x18: a trapped MSR, MRS or System instruction (AArch64).</summary>
    public static readonly TrapClassDescriptor Msr = new(
        MsrLayout.ExceptionClass, "MSR/MRS", MsrLayout.Layout, isAarch64: true, TrapClassKind.Msr,
        op0: MsrLayout.Op0, op1: MsrLayout.Op1, crn: MsrLayout.CRn, crm: MsrLayout.CRm, op2: MsrLayout.Op2, rt: MsrLayout.Rt, direction: MsrLayout.Direction);

    /// <summary>EC 0x03: a trapped cp15 MCR or MRC.</summary>
    public static readonly TrapClassDescriptor Mcr = RegisterMove(McrLayout.ExceptionClass, TrapClassKind.Mcr);

    /// <summary>EC 0x04: a trapped cp15 MCRR or MRRC.</summary>
    public static readonly TrapClassDescriptor Mcrr = RegisterPairMove(McrrLayout.ExceptionClass, TrapClassKind.Mcrr);

    /// <summary>EC 0x05: a trapped cp14 MCR or MRC, reported in the cp15 MCR/MRC layout (the layout's other exception class).</summary>
    public static readonly TrapClassDescriptor Cp14Mcr = RegisterMove(OtherClass(McrLayout.Layout, McrLayout.ExceptionClass), kind: null);

    /// <summary>EC 0x0C: a trapped cp14 MRRC (and MCRR), reported in the cp15 MCRR/MRRC layout.</summary>
    public static readonly TrapClassDescriptor Cp14Mcrr = RegisterPairMove(OtherClass(McrrLayout.Layout, McrrLayout.ExceptionClass), kind: null);

    /// <summary>EC 0x08: a trapped VMRS of a floating-point ID register: the MRC view, always a read, opc1 0b111, opc2 and CRm 0.</summary>
    public static readonly TrapClassDescriptor Vmrs = new(
        Layouts.VmrsIss.ExceptionClass, "VMRS", Layouts.VmrsIss.Layout, isAarch64: false,
        op1: Layouts.VmrsIss.Opc1, crn: Layouts.VmrsIss.CRn, crm: Layouts.VmrsIss.CRm, op2: Layouts.VmrsIss.Opc2, rt: Layouts.VmrsIss.Rt, isAlwaysRead: true,
        conditionValid: Layouts.VmrsIss.CV, condition: Layouts.VmrsIss.COND,
        fixedFields: [new(Layouts.VmrsIss.Opc2, Layouts.VmrsIss.Opc2Value), new(Layouts.VmrsIss.Opc1, Layouts.VmrsIss.Opc1Value), new(Layouts.VmrsIss.CRm, Layouts.VmrsIss.CRmValue), new(Layouts.VmrsIss.Direction, 1)]);

    /// <summary>EC 0x13: a trapped A32 or T32 SMC, whose condition is reported only with CCKNOWNPASS 1 and whose immediate is not.</summary>
    public static readonly TrapClassDescriptor Smc32 = new(
        Layouts.Smc32Iss.ExceptionClass, "SMC", Layouts.Smc32Iss.Layout, isAarch64: false,
        conditionValid: Layouts.Smc32Iss.CV, condition: Layouts.Smc32Iss.COND, conditionKnownPass: Layouts.Smc32Iss.CCKNOWNPASS);

    /// <summary>EC 0x17: a trapped A64 SMC, reporting its immediate.</summary>
    public static readonly TrapClassDescriptor Smc64 = new(
        Layouts.SmcIss.ExceptionClass, "SMC", Layouts.SmcIss.Layout, isAarch64: true, immediate: Layouts.SmcIss.imm16);

    /// <summary>The number of exception classes: EC is six bits.</summary>
    public const int ExceptionClassCount = 64;

    private static readonly TrapClassDescriptor[] ByKind = [Msr, Mcr, Mcrr];

    private static readonly TrapClassDescriptor?[] ByExceptionClass = Index();

    /// <summary>Gets every descriptor, by exception class.</summary>
    public static IReadOnlyList<TrapClassDescriptor> All { get; } = [.. ByExceptionClass.Where(d => d is not null).Select(d => d!)];

    /// <summary>Gets the descriptor of exception class <paramref name="ec"/>, or null when TrapGen does not understand it (any value is accepted).</summary>
    public static TrapClassDescriptor? Find(uint ec) => ec < ExceptionClassCount ? ByExceptionClass[ec] : null;

    /// <summary>Gets the descriptor of the trap class TrapGen dispatches as <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a trap class.</exception>
    public static TrapClassDescriptor Of(TrapClassKind kind) =>
        (uint)kind < (uint)ByKind.Length ? ByKind[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));

    private static TrapClassDescriptor RegisterMove(uint exceptionClass, TrapClassKind? kind) => new(
        exceptionClass, "MCR/MRC", McrLayout.Layout, isAarch64: false, kind,
        op1: McrLayout.Opc1, crn: McrLayout.CRn, crm: McrLayout.CRm, op2: McrLayout.Opc2, rt: McrLayout.Rt, direction: McrLayout.Direction, conditionValid: McrLayout.CV, condition: McrLayout.COND);

    private static TrapClassDescriptor RegisterPairMove(uint exceptionClass, TrapClassKind? kind) => new(
        exceptionClass, "MCRR/MRRC", McrrLayout.Layout, isAarch64: false, kind,
        op1: McrrLayout.Opc1, crm: McrrLayout.CRm, rt: McrrLayout.Rt, rt2: McrrLayout.Rt2, direction: McrrLayout.Direction, conditionValid: McrrLayout.CV, condition: McrrLayout.COND);

    private static uint OtherClass(BitLayout layout, uint first) => (uint)layout.ExceptionClasses.Single(ec => ec != first);

    private static TrapClassDescriptor?[] Index()
    {
        var index = new TrapClassDescriptor?[ExceptionClassCount];
        foreach (var descriptor in new[] { Msr, Mcr, Mcrr, Cp14Mcr, Cp14Mcrr, Vmrs, Smc32, Smc64 })
        {
            index[descriptor.ExceptionClass] = descriptor;
        }

        return index;
    }
}

namespace TrapGen.Architecture;

/// <summary>
/// What MRRS and MSRR (FEAT_SYSREG128) and SYSP (FEAT_SYSINSTR128, TLBIP) need to decode, before anything else at EL1 (all
/// three <see cref="TrapClasses.Sys128"/>): the feature, and an even Rt, which SYSP may also give as 31, no operand (C6.2.285
/// MRRS, C6.2.289 MSRR: "if !IsFeatureImplemented(FEAT_SYSREG128) then EndOfDecode(Decode_UNDEF); if Rt&lt;0&gt; == '1' then
/// EndOfDecode(Decode_UNDEF)"; C6.2.476 SYSP: "if Rt&lt;0&gt; == '1' &amp;&amp; Rt != '11111'"). The pair is X[Rt] (bits [63:0]) and
/// X[Rt+1] (bits [127:64]), XZR twice for SYSP's 31; a trap's ISS holds Rt / 2 (D24.2.46, "ISS encoding for an exception from
/// MSRR, MRRS, or 128-bit System instruction execution"), so SYSP's 31 reports as 30 would.
/// </summary>
public static class PairedAccess
{
    /// <summary>The feature MRRS and MSRR need: FEAT_SYSREG128.</summary>
    public const string Feature = "FEAT_SYSREG128";

    /// <summary>The feature SYSP needs: FEAT_SYSINSTR128.</summary>
    public const string InstructionFeature = "FEAT_SYSINSTR128";

    /// <summary>op0 of SYSP, the 128-bit System instructions; MRRS and MSRR have 2 or 3.</summary>
    public const uint SystemInstructionOp0 = 1;

    /// <summary>Rt 31: XZR, which only SYSP may name, as both registers of its pair (no operand).</summary>
    public const uint Zero = 31;

    /// <summary>Gets the feature an access with <paramref name="op0"/> needs to decode: <see cref="InstructionFeature"/> for SYSP, <see cref="Feature"/> else.</summary>
    public static string FeatureOf(uint op0) => op0 == SystemInstructionOp0 ? InstructionFeature : Feature;

    /// <summary>Gets the second register of the pair <paramref name="rt"/> starts: the next, or XZR again for 31.</summary>
    public static uint SecondOf(uint rt) => rt == Zero ? Zero : rt + 1;

    /// <summary>Gets whether <paramref name="rt"/> starts a pair the instruction with <paramref name="op0"/> may name: an even register, or 31 for SYSP.</summary>
    public static bool IsPair(uint op0, uint rt) => rt % 2 == 0 || (op0 == SystemInstructionOp0 && rt == Zero);

    /// <summary>Gets whether an MRRS, MSRR (<paramref name="op0"/> 2 or 3) or SYSP (1) naming <paramref name="rt"/> decodes on <paramref name="model"/> (every CPU when null).</summary>
    public static bool Decodes(uint op0, uint rt, CpuModel? model) => IsPair(op0, rt) && (model is null || model.Has(FeatureOf(op0)));
}

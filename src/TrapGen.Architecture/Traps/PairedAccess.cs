namespace TrapGen.Architecture;

/// <summary>
/// What MRRS and MSRR (FEAT_SYSREG128, <see cref="TrapClasses.Sys128"/>) need to decode, before anything else at EL1: the
/// feature, and an even Rt (C6.2.285 MRRS, C6.2.289 MSRR: "if !IsFeatureImplemented(FEAT_SYSREG128) then
/// EndOfDecode(Decode_UNDEF); if Rt&lt;0&gt; == '1' then EndOfDecode(Decode_UNDEF)"). The pair is X[Rt] (bits [63:0]) and
/// X[Rt+1] (bits [127:64]); a trap's ISS holds Rt / 2 (D24.2.46, "ISS encoding for an exception from MSRR, MRRS, or 128-bit
/// System instruction execution").
/// </summary>
public static class PairedAccess
{
    /// <summary>The feature MRRS and MSRR need: FEAT_SYSREG128.</summary>
    public const string Feature = "FEAT_SYSREG128";

    /// <summary>Gets whether an MRRS or MSRR naming <paramref name="rt"/> decodes on <paramref name="model"/> (every CPU when null).</summary>
    public static bool Decodes(uint rt, CpuModel? model) => rt % 2 == 0 && (model is null || model.Has(Feature));
}

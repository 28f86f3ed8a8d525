namespace TrapGen.Architecture;

/// <summary>
/// How a view's bits are written, once: the phrase of generated comments and the tool's output
/// (<c>bits [63:32] of FAR_EL1</c>) and the Arm ARM's notation of the tables and diagnostics (<c>FAR_EL1[63:32]</c>).
/// </summary>
public static class RegisterViews
{
    /// <summary>Gets which bits of <paramref name="register"/> <paramref name="view"/> reaches: <c>bits [63:32] of FAR_EL1</c>.</summary>
    public static string Of(RegisterView view, string register) => view switch
    {
        RegisterView.Lo => "bits [31:0] of " + register,
        RegisterView.Hi => "bits [63:32] of " + register,
        RegisterView.ZeroExtend => "bits [31:0] of " + register + " (a write clears [63:32])",
        _ => "all of " + register,
    };

    /// <summary>Gets the Arm ARM's notation of the bits: <c>FAR_EL1[63:32]</c>, or <c>all of TTBR0_EL1</c> for the whole register.</summary>
    public static string Notation(RegisterView view, string register) => view switch
    {
        RegisterView.Lo or RegisterView.ZeroExtend => register + "[31:0]",
        RegisterView.Hi => register + "[63:32]",
        _ => "all of " + register,
    };
}

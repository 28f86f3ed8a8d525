namespace TrapGen.Catalogue.Model;

/// <summary>The one phrase for the bits an AArch32 view reaches, for generated comments and the tool's output.</summary>
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
}

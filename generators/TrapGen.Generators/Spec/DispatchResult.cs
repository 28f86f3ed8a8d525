namespace TrapGen.Generators.Spec;

/// <summary>The members of TrapGen.Abstractions' <c>TrapResult</c> a row's directions name.</summary>
internal static class DispatchResult
{
    public const string Handled = nameof(TrapResult.Handled);
    public const string Undefined = nameof(TrapResult.Undefined);
    public const string Unhandled = nameof(TrapResult.Unhandled);
}

namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 assemblies declare records and <c>init</c> accessors (the only polyfill TrapGen
/// needs). Compiled into every netstandard2.0 project by Directory.Build.targets.
/// </summary>
internal static class IsExternalInit
{
}

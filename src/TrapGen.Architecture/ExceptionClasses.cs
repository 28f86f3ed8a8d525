using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The exception classes ESR_EL2.EC reports, named as the Arm ARM names them (Tables/exception-classes.table).
/// Values not listed are unallocated.
/// </summary>
public static partial class ExceptionClasses
{
    private static readonly Dictionary<int, string> Names = CreateAll().ToDictionary(entry => entry.Code, entry => entry.Name);

    /// <summary>Gets the architectural name of exception class <paramref name="ec"/>, or "Unallocated exception class".</summary>
    public static string NameOf(int ec) => Names.TryGetValue(ec, out var name) ? name : "Unallocated exception class";

    /// <summary>Gets whether <paramref name="ec"/> is allocated by the architecture.</summary>
    public static bool IsAllocated(int ec) => Names.ContainsKey(ec);
}

using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Every trapped exception class TrapGen understands (Tables/trap-classes.table, one <see cref="TrapClass"/>
/// a row: <c>TrapClasses.Mcr</c>, <c>TrapClasses.Cp14Mcr</c>, ...), and the one lookup by EC. The rows are
/// generated at build time; this part adds the lookups.
/// </summary>
public static partial class TrapClasses
{
    /// <summary>The number of exception classes: EC is six bits.</summary>
    public const int ExceptionClassCount = 64;

    /// <summary>Gets every class, in table order.</summary>
    public static IReadOnlyList<TrapClass> All => Lookup.All;

    /// <summary>Gets every class a catalogue's registers are dispatched in (those with a form), in table order.</summary>
    public static IReadOnlyList<TrapClass> Dispatchable => Lookup.Dispatchable;

    /// <summary>Gets the class of exception class <paramref name="ec"/>, or null when TrapGen does not understand it (any value is accepted).</summary>
    public static TrapClass? Find(uint ec) => ec < ExceptionClassCount ? Lookup.ByExceptionClass[ec] : null;

    /// <summary>Gets the class called <paramref name="name"/> (<c>Mcr</c>, <c>Cp14Mcr</c>; any case), or null.</summary>
    public static TrapClass? Named(string name)
    {
        foreach (var trapClass in All)
        {
            if (string.Equals(trapClass.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return trapClass;
            }
        }

        return null;
    }

    /// <summary>Gets the AArch32 class an access of <paramref name="form"/> to coprocessor <paramref name="coprocessor"/> reports, or null when none does.</summary>
    public static TrapClass? Of(int coprocessor, AccessForm form)
    {
        foreach (var trapClass in All)
        {
            if (trapClass.IsAarch32 && trapClass.Coprocessor == coprocessor && trapClass.Form == form)
            {
                return trapClass;
            }
        }

        return null;
    }

    /// <summary>
    /// The lists, in a class of their own: it is initialised after every generated row of the outer class (static
    /// field initialisers of partial files run in no guaranteed order, and these read the rows).
    /// </summary>
    private static class Lookup
    {
        public static readonly TrapClass[] All = CreateAll();

        public static readonly TrapClass[] Dispatchable = [.. All.Where(c => c.IsDispatchable)];

        public static readonly TrapClass?[] ByExceptionClass = Index();

        private static TrapClass?[] Index()
        {
            var index = new TrapClass?[ExceptionClassCount];
            foreach (var trapClass in All)
            {
                index[trapClass.ExceptionClass] = trapClass;
            }

            return index;
        }
    }
}

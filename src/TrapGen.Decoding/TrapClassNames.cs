using System.Collections.Concurrent;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>A trap class's name as decode prints it, in lower case (<c>mcrr</c>), made once for each class.</summary>
internal static class TrapClassNames
{
    private static readonly ConcurrentDictionary<TrapClass, string> Names = new();

    /// <summary>The name of <paramref name="trapClass"/> in lower case.</summary>
    public static string Of(TrapClass trapClass) => Names.GetOrAdd(trapClass, static c => c.Name.ToLowerInvariant());
}

using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>Finds the handler for a combined key (exception class and register key). Structs, so each lookup is specialised, not called through an interface.</summary>
public interface IHandlerLookup
{
    /// <summary>Finds the handler of <paramref name="key"/>, or null.</summary>
    TableHandler? Find(uint key);
}

/// <summary>A hash table, as QEMU keeps its cpregs.</summary>
public readonly struct DictionaryLookup(Dictionary<uint, TableHandler> handlers) : IHandlerLookup
{
    /// <inheritdoc/>
    public TableHandler? Find(uint key) => handlers.GetValueOrDefault(key);
}

/// <summary>.NET's read-optimised hash table.</summary>
public readonly struct FrozenDictionaryLookup(FrozenDictionary<uint, TableHandler> handlers) : IHandlerLookup
{
    /// <inheritdoc/>
    public TableHandler? Find(uint key) => handlers.GetValueOrDefault(key);
}

/// <summary>A sorted array searched by bisection, as KVM's sys_reg tables are.</summary>
public readonly struct SortedArrayLookup : IHandlerLookup
{
    private readonly uint[] keys;
    private readonly TableHandler[] handlers;

    /// <summary>Sorts <paramref name="table"/> by key.</summary>
    public SortedArrayLookup(IReadOnlyDictionary<uint, TableHandler> table)
    {
        var sorted = table.OrderBy(pair => pair.Key).ToArray();
        keys = sorted.Select(pair => pair.Key).ToArray();
        handlers = sorted.Select(pair => pair.Value).ToArray();
    }

    /// <inheritdoc/>
    public TableHandler? Find(uint key)
    {
        var index = Array.BinarySearch(keys, key);
        return index >= 0 ? handlers[index] : null;
    }
}

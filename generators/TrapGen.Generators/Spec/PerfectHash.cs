using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Collections;

namespace TrapGen.Generators.Spec;

/// <summary>
/// A value-equal minimal-width perfect hash of a trap class's register keys onto slots 0 to 2^<see cref="SlotBits"/> - 1,
/// so that the dispatch is a dense <c>switch</c> the JIT compiles to one jump table: O(1) with a single
/// indirect branch, where a <c>switch</c> on the sparse keys themselves is a tree of compare-and-branch
/// that mispredicts on every level.
/// </summary>
/// <remarks>
/// <para>
/// Small key sets use one multiplicative hash: <c>slot = (key * Multiplier) &gt;&gt; (32 - SlotBits)</c>.
/// Larger sets add a displacement per first-level bucket (the CHD "hash and displace" scheme):
/// <c>slot = ((key * Multiplier) &gt;&gt; (32 - SlotBits)) ^ Displacements[(key * BucketMultiplier) &gt;&gt; (32 - BucketBits)]</c>.
/// </para>
/// <para>
/// The search is deterministic (a fixed sequence of odd multipliers), so the generated code is the same
/// on every build. A key that is not in the set may land on any slot: the dispatch compares the key
/// before calling the handler.
/// </para>
/// </remarks>
/// <param name="SlotBits">log2 of the slot count.</param>
/// <param name="Multiplier">The slot hash's odd multiplier.</param>
/// <param name="BucketBits">log2 of the bucket count; 0 with no displacement table.</param>
/// <param name="BucketMultiplier">The bucket hash's odd multiplier; 0 with no displacement table.</param>
/// <param name="Displacements">The displacement of each bucket; empty for a single-level hash.</param>
public sealed record PerfectHash(int SlotBits, uint Multiplier, int BucketBits, uint BucketMultiplier, EquatableArray<int> Displacements)
{
    /// <summary>How many multipliers a single-level search tries before falling back to displacement.</summary>
    private const int SingleLevelAttempts = 4096;

    /// <summary>How many multiplier pairs the displacement search tries per slot count.</summary>
    private const int DisplacedAttempts = 64;

    /// <summary>Average keys per first-level bucket: small buckets let CHD fill a table to the last slot.</summary>
    private const int KeysPerBucket = 2;

    /// <summary>Gets the number of slots.</summary>
    public int SlotCount => 1 << SlotBits;

    /// <summary>Gets whether the hash uses a displacement table.</summary>
    public bool IsDisplaced => Displacements.Count > 0;

    /// <summary>Gets the slot of <paramref name="key"/>, as the generated <c>Slot</c> method computes it.</summary>
    public int SlotOf(uint key)
    {
        var slot = Hash(key, Multiplier, SlotBits);
        return IsDisplaced ? slot ^ Displacements[Hash(key, BucketMultiplier, BucketBits)] : slot;
    }

    /// <summary>
    /// Finds a perfect hash for <paramref name="keys"/> (distinct). Returns null for an empty set. Never
    /// fails for distinct keys: if no hash fits the smallest slot count, the slot count doubles.
    /// </summary>
    public static PerfectHash? Find(IReadOnlyCollection<uint> keys)
    {
        var distinct = keys.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            return null;
        }

        for (var slotBits = Math.Max(1, CeilingLog2(distinct.Length)); slotBits <= 31; slotBits++)
        {
            var found = FindSingleLevel(distinct, slotBits) ?? FindDisplaced(distinct, slotBits);
            if (found is not null)
            {
                return found;
            }
        }

        throw new InvalidOperationException("No perfect hash for " + distinct.Length + " distinct keys; this cannot happen.");
    }

    private static PerfectHash? FindSingleLevel(uint[] keys, int slotBits)
    {
        var multipliers = new Multipliers();
        var used = new bool[1 << slotBits];
        for (var attempt = 0; attempt < SingleLevelAttempts; attempt++)
        {
            var multiplier = multipliers.Next();
            Array.Clear(used, 0, used.Length);
            if (keys.All(key => Claim(used, Hash(key, multiplier, slotBits))))
            {
                return new PerfectHash(slotBits, multiplier, 0, 0, EquatableArray<int>.Empty);
            }
        }

        return null;
    }

    private static PerfectHash? FindDisplaced(uint[] keys, int slotBits)
    {
        var bucketBits = Math.Max(1, CeilingLog2((keys.Length + KeysPerBucket - 1) / KeysPerBucket));
        var multipliers = new Multipliers();
        for (var attempt = 0; attempt < DisplacedAttempts; attempt++)
        {
            var multiplier = multipliers.Next();
            var bucketMultiplier = multipliers.Next();
            var displacements = TryDisplace(keys, slotBits, multiplier, bucketBits, bucketMultiplier);
            if (displacements is not null)
            {
                return new PerfectHash(slotBits, multiplier, bucketBits, bucketMultiplier, new EquatableArray<int>(displacements));
            }
        }

        return null;
    }

    /// <summary>Places the buckets largest first, each at the first displacement where all its keys land on free slots.</summary>
    private static int[]? TryDisplace(uint[] keys, int slotBits, uint multiplier, int bucketBits, uint bucketMultiplier)
    {
        var slotCount = 1 << slotBits;
        var used = new bool[slotCount];
        var displacements = new int[1 << bucketBits];
        var buckets = keys
            .GroupBy(key => Hash(key, bucketMultiplier, bucketBits))
            .OrderByDescending(bucket => bucket.Count())
            .ThenBy(bucket => bucket.Key);
        foreach (var bucket in buckets)
        {
            var slots = bucket.Select(key => Hash(key, multiplier, slotBits)).ToArray();
            if (slots.Distinct().Count() != slots.Length)
            {
                return null;
            }

            var placed = false;
            for (var displacement = 0; displacement < slotCount && !placed; displacement++)
            {
                if (slots.All(slot => !used[slot ^ displacement]))
                {
                    foreach (var slot in slots)
                    {
                        used[slot ^ displacement] = true;
                    }

                    displacements[bucket.Key] = displacement;
                    placed = true;
                }
            }

            if (!placed)
            {
                return null;
            }
        }

        return displacements;
    }

    private static bool Claim(bool[] used, int slot)
    {
        if (used[slot])
        {
            return false;
        }

        used[slot] = true;
        return true;
    }

    private static int Hash(uint key, uint multiplier, int bits) => (int)(unchecked(key * multiplier) >> (32 - bits));

    private static int CeilingLog2(int value)
    {
        var bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>A fixed sequence of odd 32-bit multipliers (SplitMix32 from a constant seed).</summary>
    private sealed class Multipliers
    {
        private uint state = 0x9E3779B9u;

        public uint Next()
        {
            unchecked
            {
                state += 0x9E3779B9u;
                var z = state;
                z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
                z = (z ^ (z >> 13)) * 0xC2B2AE35u;
                return (z ^ (z >> 16)) | 1u;
            }
        }
    }
}

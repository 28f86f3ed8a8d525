using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Generators.Spec;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>The perfect hash the generated dispatch switches on: collision-free, compact, deterministic.</summary>
public sealed class PerfectHashTests
{
    public static IEnumerable<object[]> KeySetSizes() => new[] { 1, 2, 3, 7, 15, 16, 17, 40, 100, 256, 435, 1000, 2048 }.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(KeySetSizes))]
    public void Every_key_gets_its_own_slot_in_a_table_at_least_half_full(int count)
    {
        var keys = RandomKeys(count, seed: count);

        var hash = PerfectHash.Find(keys)!;

        var slots = keys.Select(hash.SlotOf).ToList();
        Assert.Equal(count, slots.Distinct().Count());
        Assert.All(slots, slot => Assert.InRange(slot, 0, hash.SlotCount - 1));
        Assert.True(hash.SlotCount <= 2 * count || hash.SlotCount == 2, "a dense switch needs at least half its slots used; got " + hash.SlotCount + " slots for " + count + " keys");
    }

    [Fact]
    public void The_search_is_deterministic()
    {
        var keys = RandomKeys(300, seed: 7);

        var first = PerfectHash.Find(keys)!;
        var second = PerfectHash.Find(keys.AsEnumerable().Reverse().ToList())!;

        Assert.Equal(keys.Select(first.SlotOf), keys.Select(second.SlotOf));
    }

    [Fact]
    public void An_empty_key_set_has_no_hash() => Assert.Null(PerfectHash.Find([]));

    /// <summary>Distinct keys shaped like MSR/MRS keys: ISS bits [21:10] and [4:1].</summary>
    private static List<uint> RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<uint>();
        while (keys.Count < count)
        {
            keys.Add(((uint)random.Next(1 << 12) << 10) | ((uint)random.Next(1 << 4) << 1));
        }

        return [.. keys];
    }
}

using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// A guest controls the whole ISS. Every one of the 2^25 values of each system-register trap class is
/// handled without an exception, and only catalogued keys ever reach a handler.
/// </summary>
public sealed class SyndromeSweepTests
{
    private const uint IssCount = 1u << 25;

    public static TheoryData<string> ClassNames() => [.. TrapClasses.Dispatchable.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void Every_iss_is_handled_and_only_catalogued_registers_are_reached(string className)
    {
        var trapClass = TrapClasses.Named(className)!;
        var exceptionClass = trapClass.ExceptionClass;
        var domain = trapClass.IsAarch64 ? Machine.Aarch64() : Machine.Aarch32();
        var hypervisor = domain.Hypervisor;
        var hcrBefore = hypervisor.Hcr.Value;
        var keyMask = trapClass.KeyMask;
        var catalogued = Catalogued(trapClass);
        var reachedKeys = new HashSet<uint>();
        long unhandled = 0;

        for (var iss = 0u; iss < IssCount; iss++)
        {
            var esr = EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), 1), exceptionClass);
            var outcome = hypervisor.HandleTrap(esr);
            var key = iss & keyMask;
            if (outcome is TrapOutcome.Handled or TrapOutcome.Undefined)
            {
                if (reachedKeys.Add(key))
                {
                    Assert.Contains(key, catalogued);
                }
            }
            else if (outcome == TrapOutcome.UnhandledUndefined)
            {
                unhandled++;
                if (catalogued.Contains(key))
                {
                    Assert.Fail("catalogued key 0x" + key.ToString("x") + " was unhandled for ISS 0x" + iss.ToString("x"));
                }
            }
        }

        Assert.Equal(catalogued.OrderBy(k => k), reachedKeys.OrderBy(k => k));
        if (keyMask != 0)
        {
            Assert.True(unhandled > 0, "every key of a class with key fields was handled");
        }
        // Only the catalogue's hooks touch HCR_EL2: SetWayFlush sets TVM (a set/way operation), UpdateSctlr clears it.
        var tvm = 1UL << TrapControls.TVM.Bit;
        Assert.Equal(hcrBefore & ~tvm, hypervisor.Hcr.Value & ~tvm);
        Assert.Equal(IssCount, (ulong)hypervisor.TrapCount);
    }

    /// <summary>Every key the dispatch handles: registers, aliases, System instructions and what trap groups' others: handle.</summary>
    private static HashSet<uint> Catalogued(TrapClass trapClass)
    {
        var keys = trapClass == TrapClasses.Msr
            ? SystemRegisters.All.Where(r => r.IsAarch64Dispatched).Select(r => r.Key).ToHashSet()
            : SystemRegisters.All.SelectMany(r => r.Aliases).Where(a => a.ExceptionClass == trapClass.ExceptionClass).Select(a => a.Key).ToHashSet();
        keys.UnionWith(SystemRegisters.InstructionsAndOthers.Where(d => d.ExceptionClass == trapClass.ExceptionClass).Select(d => d.Key));
        return keys;
    }
}

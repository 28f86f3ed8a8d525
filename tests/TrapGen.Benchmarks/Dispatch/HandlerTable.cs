using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>
/// The table a lookup-based hypervisor builds at start-up: every catalogued register form, keyed by
/// <see cref="Key"/>, with its handler, from the same registry the generated dispatch comes from.
/// </summary>
public static class HandlerTable
{
    /// <summary>Combines exception class and register key into one lookup key.</summary>
    public static uint Key(uint exceptionClass, uint registerKey) => (exceptionClass << EsrFields.ECShift) | registerKey;

    /// <summary>Gets the lookup key of a syndrome: its exception class and register key.</summary>
    public static uint KeyOf(uint esr)
    {
        SyndromeKey.TryGet(esr, out _, out var key);
        return Key(EsrFields.GetEC(esr), key);
    }

    /// <summary>Builds the table.</summary>
    public static Dictionary<uint, TableHandler> Build()
    {
        var table = new Dictionary<uint, TableHandler>();
        foreach (var register in SystemRegisters.All)
        {
            var slot = (int)register.Register;
            var emulated = register.Handling == RegisterHandling.Emulated;
            var updatesSctlr = register.AfterWrite is not null;
            if (register.IsAarch64Dispatched)
            {
                table.Add(
                    Key(MsrIss.ExceptionClass, register.Key),
                    emulated ? new TimerHandler(register.Register, MsrIss.ExceptionClass) : new MsrHandler(slot, updatesSctlr));
            }

            foreach (var alias in register.Aliases)
            {
                var exceptionClass = (uint)alias.ExceptionClass;
                TableHandler handler = emulated
                    ? new TimerHandler(register.Register, exceptionClass)
                    : alias.Form switch
                    {
                        AccessForm.Mcr => new McrHandler(slot, alias.View, updatesSctlr),
                        AccessForm.Mcrr => new McrrHandler(slot),
                        _ => new LdcStcHandler(slot, alias.View),
                    };
                table.Add(Key(exceptionClass, alias.Key), handler);
            }
        }

        return table;
    }
}

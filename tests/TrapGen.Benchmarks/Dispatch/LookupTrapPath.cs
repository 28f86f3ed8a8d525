using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>
/// The trap path of a lookup-based hypervisor, step for step the runtime's: decode, AArch32 condition
/// check, find the handler by key, run it, advance the PC by IL, UNDEF for what no entry handles.
/// </summary>
public sealed class LookupTrapPath<TLookup>(TableMachine machine, TLookup lookup)
    where TLookup : struct, IHandlerLookup
{
    /// <summary>Takes one trap.</summary>
    public TrapOutcome HandleTrap(uint esr)
    {
        var vcpu = machine.Vcpu;
        var exceptionClass = EsrFields.GetEC(esr);
        var iss = EsrFields.GetISS(esr);
        uint key;
        switch (exceptionClass)
        {
            case MsrIss.ExceptionClass:
                key = iss & MsrIss.KeyMask;
                break;
            case McrIss.ExceptionClass or Cp14McrIss.ExceptionClass or VmrsIss.ExceptionClass:
                if (McrIss.GetCV(iss) != 0 && !vcpu.Flags.Holds(McrIss.GetCOND(iss)))
                {
                    return Skip(vcpu, esr);
                }

                key = iss & McrIss.KeyMask;
                break;
            case McrrIss.ExceptionClass or Cp14McrrIss.ExceptionClass:
                if (McrrIss.GetCV(iss) != 0 && !vcpu.Flags.Holds(McrrIss.GetCOND(iss)))
                {
                    return Skip(vcpu, esr);
                }

                key = iss & McrrIss.KeyMask;
                break;
            case LdcStcIss.ExceptionClass:
                if (LdcStcIss.GetCV(iss) != 0 && !vcpu.Flags.Holds(LdcStcIss.GetCOND(iss)))
                {
                    return Skip(vcpu, esr);
                }

                key = iss & LdcStcIss.KeyMask;
                break;
            default:
                vcpu.InjectUndefined();
                return TrapOutcome.NotASystemRegisterTrap;
        }

        switch (Run(exceptionClass, key, iss))
        {
            case TrapResult.Handled:
                vcpu.Pc += EsrFields.GetIL(esr) != 0 ? 4UL : 2UL;
                return TrapOutcome.Handled;
            case TrapResult.Undefined:
                vcpu.InjectUndefined();
                return TrapOutcome.Undefined;
            default:
                vcpu.InjectUndefined();
                return TrapOutcome.UnhandledUndefined;
        }
    }

    /// <summary>
    /// The dispatch alone, as <see cref="TrapDispatcher.Dispatch"/> is: finds the handler of
    /// <paramref name="esr"/> and runs it, without the trap entry's condition check, outcome and PC advance.
    /// </summary>
    public TrapResult Dispatch(uint esr)
    {
        var iss = EsrFields.GetISS(esr);
        var exceptionClass = EsrFields.GetEC(esr);
        var key = exceptionClass switch
        {
            MsrIss.ExceptionClass => iss & MsrIss.KeyMask,
            McrIss.ExceptionClass or Cp14McrIss.ExceptionClass or VmrsIss.ExceptionClass => iss & McrIss.KeyMask,
            McrrIss.ExceptionClass or Cp14McrrIss.ExceptionClass => iss & McrrIss.KeyMask,
            LdcStcIss.ExceptionClass => iss & LdcStcIss.KeyMask,
            _ => uint.MaxValue,
        };
        return key == uint.MaxValue ? TrapResult.Unhandled : Run(exceptionClass, key, iss);
    }

    private TrapResult Run(uint exceptionClass, uint key, uint iss) =>
        lookup.Find(HandlerTable.Key(exceptionClass, key))?.Handle(machine, iss) ?? TrapResult.Unhandled;

    private static TrapOutcome Skip(Runtime.Cpu.Vcpu vcpu, uint esr)
    {
        vcpu.Pc += EsrFields.GetIL(esr) != 0 ? 4UL : 2UL;
        return TrapOutcome.ConditionFailed;
    }
}

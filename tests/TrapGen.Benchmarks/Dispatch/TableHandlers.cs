using TrapGen.Runtime;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>An MSR/MRS of a 64-bit register; SCTLR_EL1's write runs update_sctlr.</summary>
public sealed class MsrHandler(int slot, bool updatesSctlr) : TableHandler
{
    /// <inheritdoc/>
    public override TrapResult Handle(TableMachine machine, uint iss)
    {
        var rt = (int)MsrIss.GetRt(iss);
        if (MsrIss.GetDirection(iss) != 0)
        {
            machine.Vcpu.Registers.WriteX(rt, machine.Registers[slot]);
            return TrapResult.Handled;
        }

        var value = machine.Vcpu.Registers.ReadX(rt);
        machine.Registers[slot] = value;
        if (updatesSctlr)
        {
            TableHooks.UpdateSctlr(machine, value);
        }

        return TrapResult.Handled;
    }
}

/// <summary>An MCR/MRC of a 32-bit view: the whole register, one half (the other preserved), or zero-extended.</summary>
public sealed class McrHandler(int slot, RegisterView view, bool updatesSctlr) : TableHandler
{
    /// <inheritdoc/>
    public override TrapResult Handle(TableMachine machine, uint iss)
    {
        var rt = (int)McrIss.GetRt(iss);
        var current = machine.Registers[slot];
        if (McrIss.GetDirection(iss) != 0)
        {
            machine.Vcpu.Registers.WriteR(rt, view == RegisterView.Hi ? RegisterHalves.Hi(current) : RegisterHalves.Lo(current));
            return TrapResult.Handled;
        }

        var word = machine.Vcpu.Registers.ReadR(rt);
        var value = view switch
        {
            RegisterView.Lo => RegisterHalves.WithLo(current, word),
            RegisterView.Hi => RegisterHalves.WithHi(current, word),
            _ => word,
        };
        machine.Registers[slot] = value;
        if (updatesSctlr)
        {
            TableHooks.UpdateSctlr(machine, value);
        }

        return TrapResult.Handled;
    }
}

/// <summary>An MCRR/MRRC of a 64-bit register: Rt the low word, Rt2 the high word.</summary>
public sealed class McrrHandler(int slot) : TableHandler
{
    /// <inheritdoc/>
    public override TrapResult Handle(TableMachine machine, uint iss)
    {
        var rt = (int)McrrIss.GetRt(iss);
        var rt2 = (int)McrrIss.GetRt2(iss);
        var gprs = machine.Vcpu.Registers;
        if (McrrIss.GetDirection(iss) != 0)
        {
            var value = machine.Registers[slot];
            gprs.WriteR(rt, RegisterHalves.Lo(value));
            gprs.WriteR(rt2, RegisterHalves.Hi(value));
            return TrapResult.Handled;
        }

        machine.Registers[slot] = RegisterHalves.Compose(gprs.ReadR(rt), gprs.ReadR(rt2));
        return TrapResult.Handled;
    }
}

/// <summary>An LDC/STC of the debug data transfer register: one word of guest memory, with the base written back for pre- and post-indexing.</summary>
public sealed class LdcStcHandler(int slot, RegisterView view) : TableHandler
{
    /// <inheritdoc/>
    public override TrapResult Handle(TableMachine machine, uint iss)
    {
        var vcpu = machine.Vcpu;
        var rn = (int)LdcStcIss.GetRn(iss);
        var baseValue = LdcStcIss.IsLiteral(iss) ? TransferRegisters.LiteralBase(vcpu.Pc, vcpu.Thumb ? Instructions.InstructionSet.T32 : Instructions.InstructionSet.A32) : vcpu.Registers.ReadR(rn);
        var address = LdcStcIss.Address(iss, baseValue, out var writtenBack);
        var current = machine.Registers[slot];
        if (LdcStcIss.IsRead(iss))
        {
            vcpu.Memory.WriteWord(address, view == RegisterView.Hi ? RegisterHalves.Hi(current) : RegisterHalves.Lo(current));
        }
        else
        {
            var word = vcpu.Memory.ReadWord(address);
            machine.Registers[slot] = view == RegisterView.Hi ? RegisterHalves.WithHi(current, word) : RegisterHalves.WithLo(current, word);
        }

        if (LdcStcIss.WritesBack(iss))
        {
            vcpu.Registers.WriteR(rn, writtenBack);
        }

        return TrapResult.Handled;
    }
}

/// <summary>A register the virtual timer emulates, in any form.</summary>
public sealed class TimerHandler(SystemRegister register, uint exceptionClass) : TableHandler
{
    /// <inheritdoc/>
    public override TrapResult Handle(TableMachine machine, uint iss)
    {
        var timer = machine.Vcpu.Timer;
        var gprs = machine.Vcpu.Registers;
        var (isRead, rt) = exceptionClass switch
        {
            MsrIss.ExceptionClass => (MsrIss.GetDirection(iss) != 0, (int)MsrIss.GetRt(iss)),
            McrIss.ExceptionClass => (McrIss.GetDirection(iss) != 0, (int)McrIss.GetRt(iss)),
            _ => (McrrIss.GetDirection(iss) != 0, (int)McrrIss.GetRt(iss)),
        };
        if (!isRead)
        {
            var value = exceptionClass == McrrIss.ExceptionClass
                ? RegisterHalves.Compose(gprs.ReadR(rt), gprs.ReadR((int)McrrIss.GetRt2(iss)))
                : gprs.ReadX(rt);
            switch (register)
            {
                case SystemRegister.CNTP_CTL_EL0: timer.WriteControl(value); break;
                case SystemRegister.CNTP_TVAL_EL0: timer.WriteTimerValue(value); break;
                case SystemRegister.CNTP_CVAL_EL0: timer.CompareValue = value; break;
                default: return TrapResult.Undefined;
            }

            return TrapResult.Handled;
        }

        var read = register switch
        {
            SystemRegister.CNTP_CTL_EL0 => timer.ReadControl(),
            SystemRegister.CNTP_TVAL_EL0 => timer.ReadTimerValue(),
            SystemRegister.CNTP_CVAL_EL0 => timer.CompareValue,
            _ => timer.Count,
        };
        if (exceptionClass == McrrIss.ExceptionClass)
        {
            gprs.WriteR(rt, RegisterHalves.Lo(read));
            gprs.WriteR((int)McrrIss.GetRt2(iss), RegisterHalves.Hi(read));
        }
        else
        {
            gprs.WriteX(rt, exceptionClass == McrIss.ExceptionClass ? RegisterHalves.Lo(read) : read);
        }

        return TrapResult.Handled;
    }
}

/// <summary>The seed's update_sctlr, for the table handlers.</summary>
internal static class TableHooks
{
    public static void UpdateSctlr(TableMachine machine, ulong sctlr)
    {
        if (Sctlr.IsMmuEnabled(sctlr))
        {
            machine.Hcr.DefaultCacheable = false;
            machine.Hcr.TrapVirtualMemoryWrites = false;
        }
    }
}

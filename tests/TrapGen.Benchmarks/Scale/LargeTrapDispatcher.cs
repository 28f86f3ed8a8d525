using TrapGen.Runtime.Cpu;

namespace TrapGen.Benchmarks.Large;

/// <summary>
/// The runtime's half of the dispatcher generated from Catalogues/large.registers.yaml (every EL0/EL1
/// register of the architecture's table, as name-only entries): the register file and the vCPU's
/// general-purpose registers.
/// </summary>
public sealed partial class TrapDispatcher(Vcpu vcpu)
{
    private readonly SystemRegisterFile registers = new();

    private partial SystemRegisterFile Registers() => registers;

    private partial ulong ReadX(int index) => vcpu.Registers.ReadX(index);

    private partial void WriteX(int index, ulong value) => vcpu.Registers.WriteX(index, value);

    private partial uint ReadR(int index) => vcpu.Registers.ReadR(index);

    private partial void WriteR(int index, uint value) => vcpu.Registers.WriteR(index, value);
}

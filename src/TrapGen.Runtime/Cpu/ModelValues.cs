using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// A CPU model's identification values in a register file: each register the model gives a value and the
/// catalogue keeps in the file (MIDR_EL1, the ID registers, CTR_EL0, CLIDR_EL1) starts at the model's value,
/// as a vCPU's hardware registers are the physical CPU's. Registers the catalogue does not keep are read
/// from the model directly (<see cref="Emulation.EmulatedCpu"/>).
/// </summary>
public static class ModelValues
{
    /// <summary>Writes <paramref name="model"/>'s values into <paramref name="file"/>.</summary>
    public static void Load(CpuModel model, SystemRegisterFile file)
    {
        System.ArgumentNullException.ThrowIfNull(model);
        System.ArgumentNullException.ThrowIfNull(file);
        foreach (var (name, value) in model.Registers)
        {
            if (SystemRegisters.All.FirstOrDefault(r => r.Name == name) is { } register)
            {
                file.TryWrite(register.Register, value);
            }
        }
    }
}

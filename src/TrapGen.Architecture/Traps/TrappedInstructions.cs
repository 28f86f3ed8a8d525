using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// Every instruction an EL2 trap control traps that accesses no register (Tables/trapped-instructions.table): WFI,
/// WFE, WFIT, WFET and SMC. The rows are generated at build time; this part adds the lookup by syndrome.
/// </summary>
public static partial class TrappedInstructions
{
    private static readonly TrappedInstruction[] Rows = CreateAll();

    /// <summary>Gets every instruction, in table order.</summary>
    public static IReadOnlyList<TrappedInstruction> All => Rows;

    /// <summary>Gets the row of <paramref name="trapClass"/> called <paramref name="name"/> (any case): <c>Named(TrapClasses.Wfx, "WFI")</c>.</summary>
    /// <exception cref="System.InvalidOperationException">The table has no such row: the code that asks relies on it.</exception>
    public static TrappedInstruction Named(TrapClass trapClass, string name)
    {
        foreach (var instruction in Rows)
        {
            if (instruction.Class == trapClass && string.Equals(instruction.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return instruction;
            }
        }

        throw new System.InvalidOperationException("trapped-instructions.table has no " + trapClass.Name + " row called " + name);
    }

    /// <summary>
    /// Finds the instruction of <paramref name="trapClass"/> whose key is <paramref name="key"/> (the ISS masked to the
    /// class's key fields); false when none has it (a WFI syndrome with RV 1). Allocates nothing.
    /// </summary>
    public static bool TryFind(TrapClass trapClass, uint key, out TrappedInstruction instruction)
    {
        foreach (var candidate in Rows)
        {
            if (candidate.Class == trapClass && candidate.Key == key)
            {
                instruction = candidate;
                return true;
            }
        }

        instruction = null!;
        return false;
    }

    /// <summary>
    /// Gets whether another instruction of <paramref name="instruction"/>'s class has its key, so that a syndrome does not say
    /// which of them trapped (GCSSTR and GCSSTTR: EC 0x2D's ExType 0b0010; LD64B and ST64B: EC 0x0A's ISS 2). Allocates nothing.
    /// </summary>
    public static bool IsShared(TrappedInstruction instruction)
    {
        _ = instruction ?? throw new System.ArgumentNullException(nameof(instruction));
        foreach (var candidate in Rows)
        {
            if (candidate != instruction && candidate.Class == instruction.Class && candidate.Key == instruction.Key)
            {
                return true;
            }
        }

        return false;
    }
}

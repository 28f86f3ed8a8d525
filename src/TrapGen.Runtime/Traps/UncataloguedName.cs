using TrapGen.Architecture;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The architectural name of what a trap no catalogue dispatches reaches: a cp14 register (<c>JIDR</c>)
/// or a floating-point ID register VMRS reads (<c>FPSID</c>). Null for SMC and for what the architecture
/// does not name.
/// </summary>
public static class UncataloguedName
{
    /// <summary>Gets the architectural name of the cp14 register or VMRS ID register <paramref name="access"/> reaches, or null.</summary>
    public static string? Of(in SystemRegisterAccess access)
    {
        switch (access.Kind)
        {
            case InstructionKind.Cp14Move:
                int[] values = access.TrapClass == TrapClassKind.Mcrr
                    ? [(int)access.Op1, (int)access.CRm]
                    : [(int)access.Op1, (int)access.CRn, (int)access.CRm, (int)access.Op2];
                return RegistersByKey.TryFindCp14(access.TrapClass, TrapClasses.Key(access.TrapClass, values), out var register) ? register.Name : null;
            case InstructionKind.Vmrs:
                return VmrsIdRegisters.Find(access.CRn)?.Name;
            default:
                return null;
        }
    }
}

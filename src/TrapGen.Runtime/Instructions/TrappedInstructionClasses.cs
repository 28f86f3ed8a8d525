using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using Classes = TrapGen.Architecture.TrapClassDescriptors;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Every exception class the runtime decodes and builds (<see cref="TrappedInstructionClass"/>), looked up by
/// EC and by the instruction an access is: the runtime's only branch on the exception class.
/// </summary>
public static class TrappedInstructionClasses
{
    /// <summary>Gets every class, by exception class.</summary>
    public static IReadOnlyList<TrappedInstructionClass> All { get; } =
    [
        new(Classes.Mcr, InstructionKind.SystemRegisterMove, TrapClassKind.Mcr),
        new(Classes.Mcrr, InstructionKind.SystemRegisterMove, TrapClassKind.Mcrr),
        new(Classes.Cp14Mcr, InstructionKind.Cp14Move, TrapClassKind.Mcr),
        new(Classes.Vmrs, InstructionKind.Vmrs, TrapClassKind.Mcr),
        new(Classes.Cp14Mcrr, InstructionKind.Cp14Move, TrapClassKind.Mcrr),
        new(Classes.Smc32, InstructionKind.Smc, TrapClassKind.Mcr, IsRecoverable: false),
        new(Classes.Smc64, InstructionKind.Smc, TrapClassKind.Msr),
        new(Classes.Msr, InstructionKind.SystemRegisterMove, TrapClassKind.Msr),
    ];

    private static readonly TrappedInstructionClass?[] ByExceptionClass = IndexByExceptionClass();

    private static readonly TrappedInstructionClass[,] ByInstruction = IndexByInstruction();

    /// <summary>Gets the class of exception class <paramref name="ec"/>, or null when the runtime does not decode it (any value is accepted).</summary>
    public static TrappedInstructionClass? Find(uint ec) => ec < (uint)ByExceptionClass.Length ? ByExceptionClass[ec] : null;

    /// <summary>
    /// Gets the class a trap of <paramref name="kind"/> described in <paramref name="trapClass"/> reports; a pair
    /// no class has exactly (VMRS, or SMC, in any trap class) gets the first class of that kind.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Either value is out of its enum's range.</exception>
    public static TrappedInstructionClass Of(InstructionKind kind, TrapClassKind trapClass) =>
        (uint)kind < (uint)ByInstruction.GetLength(0) && (uint)trapClass < (uint)ByInstruction.GetLength(1)
            ? ByInstruction[(int)kind, (int)trapClass]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind + " in " + trapClass + " is no trapped instruction");

    /// <summary>Gets the class a trap of <paramref name="access"/> reports.</summary>
    public static TrappedInstructionClass Of(in SystemRegisterAccess access) => Of(access.Kind, access.TrapClass);

    /// <summary>Gets whether <paramref name="ec"/> is a trapped SMC, from AArch64 or AArch32.</summary>
    public static bool IsSmc(uint ec) => Find(ec)?.Kind == InstructionKind.Smc;

    private static TrappedInstructionClass?[] IndexByExceptionClass()
    {
        var index = new TrappedInstructionClass?[Classes.ExceptionClassCount];
        foreach (var trapped in All)
        {
            index[trapped.Syndrome.ExceptionClass] = trapped;
        }

        return index;
    }

    private static TrappedInstructionClass[,] IndexByInstruction()
    {
        var kinds = Enum.GetValues<InstructionKind>();
        var index = new TrappedInstructionClass[kinds.Length, TrapClasses.All.Length];
        foreach (var kind in kinds)
        {
            foreach (var trapClass in TrapClasses.All)
            {
                index[(int)kind, (int)trapClass] = All.FirstOrDefault(c => c.Kind == kind && c.TrapClass == trapClass) ?? All.First(c => c.Kind == kind);
            }
        }

        return index;
    }
}

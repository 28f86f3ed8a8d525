using System.Linq;
using TrapGen.Architecture;
using static TrapGen.Catalogue.Validation.ArchitectureMessages;

namespace TrapGen.Catalogue.Validation;

/// <summary>The messages about System instructions (TG0030), each saying how to fix the entry.</summary>
internal static class InstructionMessages
{
    /// <summary>TG0030 for a name that is no System instruction.</summary>
    public static string Unknown(string name)
    {
        if (Aarch64Registers.TryFind(name, out var register))
        {
            return Format("{0} is a register, not a System instruction: list it under registers", register.Name);
        }

        var rows = Aarch32Registers.Named(name);
        if (rows.Count > 0)
        {
            var row = rows[0];
            return Format("{0} is an AArch32 register, not a System instruction: list it under registers (as an aarch32 view of {1})", row.Name, row.MapsTo ?? "its AArch64 register");
        }

        var candidates = SystemInstructions.All.Select(i => i.FullName).Concat(Aarch32Registers.All.Where(r => r.IsSystemInstruction).Select(r => r.Name));
        var suggestion = ClosestName.Find(name, candidates);
        return Format(
            "The architecture has no System instruction named {0}.{1} Write an AArch64 one as its mnemonic and operation (DC CISW, TLBI VMALLE1IS) or an AArch32 one by its name (DCCISW); trapgen list --architecture lists them",
            name, suggestion is null ? string.Empty : Format(" Did you mean {0}?", suggestion));
    }

    /// <summary>TG0030 for an instruction EL1 cannot execute.</summary>
    public static string NotEl1(string name, int exceptionLevel) =>
        Format("{0} is an EL{1} instruction: EL1 cannot execute it (it is UNDEFINED there), so it never traps to EL2; remove it", name, exceptionLevel);
}

using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The registers a trapped VMRS reports (EC 0x08): the named values of the VmrsIss layout's CRn field in
/// Tables/layouts.table. MVFRn are trapped as their AArch64 views MVFRn_EL1 are (HCR_EL2.TID3, by the
/// AArch64 table); FPSID, which has no AArch64 view, by HCR_EL2.TID0 (Arm ARM G8 FPSID, "Accessing
/// FPSID", and HCR_EL2.TID0). VMRS of another register (FPSCR, FPEXC) is no ID access and has no HCR trap.
/// </summary>
public static class VmrsIdRegisters
{
    /// <summary>The register that has no AArch64 view, and is trapped by TID0.</summary>
    private const string Fpsid = "FPSID";

    /// <summary>Gets every VMRS ID register, in reg order.</summary>
    public static IReadOnlyList<VmrsIdRegister> All { get; } =
    [
        .. Layouts.VmrsIss.Layout.Meanings.Where(m => m.Field == Layouts.VmrsIss.CRn)
            .OrderBy(m => m.Value)
            .Select(m => new VmrsIdRegister(m.Text, (int)m.Value, RulesOf(m.Text))),
    ];

    private static readonly VmrsIdRegister?[] ByReg = Index();

    /// <summary>Gets the ID register VMRS reads with <paramref name="reg"/>, or null when <paramref name="reg"/> is no ID register.</summary>
    public static VmrsIdRegister? Find(uint reg) => reg < (uint)ByReg.Length ? ByReg[reg] : null;

    private static IReadOnlyList<TrapRule> RulesOf(string name) => name == Fpsid
        ? [new TrapRule(TrapControls.TID0, AccessDirection.Read)]
        : Aarch64Registers.TryFind(name + "_EL1", out var aarch64) ? aarch64.Traps : [];

    private static VmrsIdRegister?[] Index()
    {
        var byReg = new VmrsIdRegister?[(int)Layouts.VmrsIss.CRn.MaxValue + 1];
        foreach (var register in All)
        {
            byReg[register.Reg] = register;
        }

        return byReg;
    }
}

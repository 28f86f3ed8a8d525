using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// A <c>sanitised</c> ID register reads the running CPU model's value, with the catalogue's fields hidden: the
/// shipped catalogue hides ID_AA64PFR0_EL1.EL2 and keeps ID_AA64ISAR0_EL1 whole, so under TID3 a guest on a
/// Cortex-A76 sees the A76's instruction-set features, not the A57's the catalogue was written from.
/// </summary>
public sealed class SanitisedModelValueTests
{
    public static TheoryData<string> Models() => [.. CpuModels.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_trapped_id_read_gives_the_models_value_with_the_catalogues_fields_hidden(string name)
    {
        var model = CpuModels.Find(name)!;
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Hypervisor.Hcr.Value |= TrapControls.TID3.Mask;
        var code = GuestCode.A64("mrs x0, id_aa64pfr0_el1", "mrs x1, id_aa64isar0_el1");

        Assert.All(code, word => Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome));

        // registers.yaml hides EL2 (no nested virtualisation) and RAS (whose registers its fine-grained groups UNDEF).
        var hidden = RegisterFields.Find("ID_AA64PFR0_EL1", "EL2")!.Mask | RegisterFields.Find("ID_AA64PFR0_EL1", "RAS")!.Mask;
        Assert.Equal(model.ValueOf("ID_AA64PFR0_EL1")!.Value & ~hidden, domain.Current.Registers.ReadX(0));
        Assert.Equal(model.ValueOf("ID_AA64ISAR0_EL1") ?? 0, domain.Current.Registers.ReadX(1));
    }

    [Fact]
    public void Two_models_give_a_guest_different_features()
    {
        static ulong Isar0(string name)
        {
            var domain = new Domain([ExecutionState.Aarch64], model: CpuModels.Find(name));
            domain.Hypervisor.Hcr.Value |= TrapControls.TID3.Mask;
            domain.Cpu.Execute(GuestCode.A64("mrs x0, id_aa64isar0_el1")[0]);
            return domain.Current.Registers.ReadX(0);
        }

        var atomic = RegisterFields.Find("ID_AA64ISAR0_EL1", "Atomic")!;

        // The Armv8.0 A57 has no LSE atomics; the Armv8.2 A76 has them (Atomic = 0b0010).
        Assert.Equal((0UL, 2UL), (atomic.Extract(Isar0("cortex-a57")), atomic.Extract(Isar0("cortex-a76"))));
    }
}

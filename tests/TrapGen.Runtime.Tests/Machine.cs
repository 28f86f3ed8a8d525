using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>Builds domains for tests and drives single traps from instruction words.</summary>
internal static class Machine
{
    public static Domain Aarch64(ITrapObserver? observer = null, UnhandledAccessPolicy policy = UnhandledAccessPolicy.InjectUndefined) =>
        new([ExecutionState.Aarch64], policy, observer);

    public static Domain Aarch32(ITrapObserver? observer = null) => new([ExecutionState.Aarch32], UnhandledAccessPolicy.InjectUndefined, observer);

    /// <summary>
    /// A built domain of one vCPU of <paramref name="set"/>'s state (a64, a32 or t32) with no HCR_EL2 trap control set,
    /// and the word GNU as gives <paramref name="text"/> in that set (A64 up to Armv8.7 with the Cryptographic Extension,
    /// AArch32 with Advanced SIMD).
    /// </summary>
    public static (Domain Domain, uint Word) Guest(string set, string text)
    {
        var aarch64 = set == "a64";
        var domain = aarch64 ? Aarch64() : Aarch32();
        domain.Build();
        domain.Hypervisor.Hcr.Value = aarch64 ? 1UL << HcrEl2.RW : 0;
        return (domain, Assemble(set, text).Word);
    }

    /// <summary>
    /// A built AArch64 domain on <paramref name="model"/> (HCR_EL2.RW) whose guest has written <paramref name="gcscr"/> to its
    /// GCSCR_EL1 (D24.11.1), with HFGWTR_EL2.nGCS_EL1 (bit 53) set so that its MSR (LLVM's gcs.s: msr gcscr_el1, x0, 0xd5182500)
    /// does not trap; the test sets the controls it is about after it.
    /// </summary>
    public static Domain WithGcscr(CpuModel model, ulong gcscr)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        domain.Hypervisor.SetControlRegister("HFGWTR_EL2", 1UL << 53);
        domain.Current.Registers.WriteX(0, gcscr);
        Assert.Equal(Emulation.ExecutionKind.Direct, domain.Cpu.Execute(0xd5182500).Kind);
        return domain;
    }

    /// <summary>The word GNU as gives <paramref name="text"/> in <paramref name="set"/> (a64, a32 or t32), and that set.</summary>
    public static (uint Word, InstructionSet Set) Assemble(string set, string text) => set switch
    {
        "a64" => (Testing.GuestCode.A64(".arch armv8.7-a+crypto", text)[0], InstructionSet.A64),
        "a32" => (Testing.GuestCode.A32(".fpu neon-fp-armv8", text)[0], InstructionSet.A32),
        _ => (Testing.GuestCode.T32(".syntax unified", ".fpu neon-fp-armv8", text)[0], InstructionSet.T32),
    };

    /// <summary>
    /// Asserts that <paramref name="access"/>, decoded from <paramref name="word"/>, encodes back to it, has the syndrome
    /// <paramref name="esr"/>, and is written in a syntax that reads back to the same word.
    /// </summary>
    public static void AssertWritesBack(uint word, in SystemRegisterAccess access, uint esr)
    {
        Assert.Equal(word, InstructionEncoder.Encode(access));
        Assert.Equal(esr, SyndromeBuilder.Build(access));
        Assert.True(SystemInstructionSyntax.TryParse(SystemInstructionSyntax.Format(access), thumb: false, out var parsed, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(parsed));
    }

    /// <summary>The bytes <paramref name="trap"/> allocates in 10,000 runs, after 1,000 that warm it up: 0 for a trap that allocates nothing.</summary>
    public static long AllocatedBy(System.Action trap)
    {
        for (var i = 0; i < 1_000; i++)
        {
            trap();
        }

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            trap();
        }

        return System.GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Takes the trap <paramref name="word"/> would cause, whether or not the CPU's trap controls are set.</summary>
    public static TrapOutcome Trap(Domain domain, uint word, InstructionSet instructionSet)
    {
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out var access), "not a system-register move: 0x" + word.ToString("x8"));
        return domain.Hypervisor.HandleTrap(SyndromeBuilder.Build(access));
    }

    /// <summary>
    /// Runs <paramref name="word"/> on a new domain under each MDCR_EL2 value of <paramref name="cases"/> (HCR_EL2 0)
    /// and checks that it traps, by <paramref name="control"/> and with the access's own syndrome, exactly where
    /// the case says.
    /// </summary>
    public static void AssertMdcrTraps(System.Func<Domain> newDomain, uint word, InstructionSet instructionSet, TrapControl control, params (ulong Mdcr, bool Traps)[] cases)
    {
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out var access));
        foreach (var (mdcr, traps) in cases)
        {
            var domain = newDomain();
            domain.Build();
            domain.Hypervisor.Hcr.Value = 0;
            domain.Hypervisor.Mdcr = mdcr;

            var result = domain.Cpu.Execute(word);

            Assert.True(traps == (result.Kind == Emulation.ExecutionKind.Trapped), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MDCR_EL2 0x{mdcr:x}: {result.Kind}"));
            if (traps)
            {
                Assert.Equal((control, SyndromeBuilder.Build(access)), (result.Control, (uint)result.Esr));
            }
        }
    }

    /// <summary>
    /// A copy of the model <paramref name="baseModel"/> with ID register fields set, each (register, field, value),
    /// for a feature no shipped model has together with the rest of that model (e.g. FEAT_FGT with AArch32 at EL1). A
    /// register the model does not list (MPAMIDR_EL1) is added, from 0.
    /// </summary>
    public static CpuModel ModelWith(string baseModel, string name, params (string Register, string Field, ulong Value)[] fields)
    {
        var model = CpuModels.Find(baseModel)!;
        // A register the model has no row for reads as 0 (ID_AA64DFR1_EL1 on QEMU 7.2's models): its row is added.
        var absent = fields.Select(f => f.Register).Distinct().Where(register => model.Registers.All(r => r.Register != register)).Select(register => (Register: register, Value: 0UL));
        var registers = model.Registers.Concat(absent).Select(r => fields.Where(f => f.Register == r.Register)
            .Aggregate(r, (row, f) => (row.Register, RegisterFields.Find(f.Register, f.Field)!.Insert(row.Value, f.Value)))).ToList();
        return new CpuModel(name, baseModel + " with " + string.Join(", ", fields.Select(f => f.Register + "." + f.Field + " = " + f.Value)), registers, model.Caches, model.ImplementationDefined, model.Aarch32ImplementationDefined, model.StoredBits);
    }

    public static SystemRegisterInfo Info(string name) => SystemRegisters.All.Single(r => r.Name == name);

    /// <summary>The architectural encoding of a catalogued AArch32 alias.</summary>
    public static Aarch32Encoding Encoding(Aarch32AliasInfo alias) => new(alias.Coprocessor, alias.Form, alias.Opc1, alias.CRn, alias.CRm, alias.Opc2);

    public static ulong Read(Domain domain, string register)
    {
        Assert.True(domain.Hypervisor.Hardware.TryRead(Info(register).Register, out var value), register + " has no storage");
        return value;
    }

    public static void Write(Domain domain, string register, ulong value) =>
        Assert.True(domain.Hypervisor.Hardware.TryWrite(Info(register).Register, value), register + " has no storage");
}

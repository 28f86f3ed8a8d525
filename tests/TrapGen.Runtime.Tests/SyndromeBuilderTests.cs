using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Testing;
using TrapGen.Testing.ArmArm;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// From a real instruction word (assembled by binutils), the syndrome the hardware reports: for every
/// catalogued register and alias, the whole ESR_EL2 equals the one written from the Arm ARM's ISS layout by
/// hand (<see cref="Syndromes"/>, never TrapGen's generated field masks), with the register's coordinates, Rt,
/// Rt2, direction, IL and the condition in their fields.
/// </summary>
public sealed class SyndromeBuilderTests
{
    [Fact]
    public void Every_aarch64_register_instruction_yields_its_catalogued_key()
    {
        var registers = SystemRegisters.All.Where(r => r.IsAarch64Dispatched).ToList();
        var words = GuestCode.A64([.. registers.SelectMany(r => new[] { $"mrs x{r.Op2 + 3}, {r.Name.ToLowerInvariant()}", $"msr {r.Name.ToLowerInvariant()}, x30" }.Where((_, i) => i == 0 ? r.IsReadable : r.IsWritable))]);
        var index = 0;
        foreach (var register in registers)
        {
            foreach (var isRead in new[] { true, false }.Where(read => read ? register.IsReadable : register.IsWritable))
            {
                Assert.True(InstructionDecoder.TryDecode(words[index++], InstructionSet.A64, out var access));
                var rt = isRead ? (uint)register.Op2 + 3 : 30U;
                var expected = Syndromes.Msr((uint)register.Op0, (uint)register.Op1, (uint)register.CRn, (uint)register.CRm, (uint)register.Op2, rt, isRead);
                Assert.Equal(Hex(expected), Hex(SyndromeBuilder.Build(access)));
            }
        }

        Assert.Equal(words.Length, index);
    }

    [Theory]
    [InlineData("", 0b1110u)]
    [InlineData("ne", 0b0001u)]
    [InlineData("ge", 0b1010u)]
    public void Every_aarch32_alias_instruction_yields_its_catalogued_class_key_and_condition(string condition, uint cond)
    {
        var accesses = SystemRegisters.All.SelectMany(r => r.Aliases).SelectMany(a => new[]
        {
            (Alias: a, IsRead: true, Text: (string?)Aarch32Spelling.Read(Machine.Encoding(a), a.Name, condition, rt: 7, rt2: 9)),
            (Alias: a, IsRead: false, Text: Aarch32Spelling.Write(Machine.Encoding(a), condition, rt: 8, rt2: 11)),
        }).Where(a => a.Text is not null).ToList();
        var words = GuestCode.A32([.. accesses.Select(a => a.Text!)]);

        for (var i = 0; i < words.Length; i++)
        {
            var (alias, isRead, text) = accesses[i];
            Assert.True(InstructionDecoder.TryDecode(words[i], InstructionSet.A32, out var access), text);
            var (ec, rt, rt2) = ((uint)alias.ExceptionClass, isRead ? 7U : 8U, isRead ? 9U : 11U);
            var expected = alias.Form switch
            {
                AccessForm.Mcr => Syndromes.Mcr(ec, cond, (uint)alias.Opc1, (uint)alias.CRn, (uint)alias.CRm, (uint)alias.Opc2, rt, isRead),
                AccessForm.Mcrr => Syndromes.Mcrr(ec, cond, (uint)alias.Opc1, (uint)alias.CRm, rt, rt2, isRead),
                _ => Syndromes.Ldc(cond, imm8: 0, rn: rt, add: true, addressingMode: 0b010, readsMemory: !isRead),
            };
            Assert.True(expected == SyndromeBuilder.Build(access), text + ": " + Hex(expected) + " expected, " + Hex(SyndromeBuilder.Build(access)));
        }
    }

    private static string Hex(ulong value) => value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0xD503201Fu, InstructionSet.A64, null)] // nop
    [InlineData(0xD500401Fu, InstructionSet.A64, null)] // msr spsel, #0 (op0 0: not a register)
    [InlineData(0xD508871Fu, InstructionSet.A64, "Msr")] // tlbi vmalle1 (op0 1: a System instruction, decided like a register move)
    [InlineData(0xE0800001u, InstructionSet.A32, null)] // add r0, r0, r1
    [InlineData(0xEE110F10u, InstructionSet.T32, "Mcr")] // fine as T32 too: the same word
    [InlineData(0xFE010F10u, InstructionSet.A32, null)] // mcr2: unconditional space
    [InlineData(0xEE010E10u, InstructionSet.A32, "Cp14Mcr")] // mcr p14: a cp14 move (EC 0x05)
    [InlineData(0xEE010D10u, InstructionSet.A32, null)] // mcr p13: no coprocessor the CPU models
    [InlineData(0xEEF01A10u, InstructionSet.A32, "Vmrs")] // vmrs r1, fpsid (EC 0x08)
    [InlineData(0xEEF11A10u, InstructionSet.A32, "FpSimd")] // vmrs r1, fpscr: no ID register, a floating-point instruction (EC 0x07)
    [InlineData(0xEEE01A10u, InstructionSet.A32, "FpSimd")] // vmsr fpsid, r1: a write, which no ID group traps; CPTR_EL2.TFP does
    [InlineData(0xEEF01A30u, InstructionSet.A32, "FpSimd")] // vmrs with opc2 1: not the VMRS encoding, but cp10's
    [InlineData(0xD4000003u, InstructionSet.A64, "Smc64")] // smc #0 (EC 0x17)
    [InlineData(0xD4000002u, InstructionSet.A64, null)] // hvc #0: not trapped by an ID or SMC control
    [InlineData(0xE1600070u, InstructionSet.A32, "Smc32")] // smc #0 (EC 0x13)
    [InlineData(0xF7F08000u, InstructionSet.T32, "Smc32")] // smc #0 in T32
    [InlineData(0xF7F08000u, InstructionSet.A32, null)] // the same word in A32: the unconditional space
    [InlineData(0xD503207Fu, InstructionSet.A64, "Wfx")] // wfi (EC 0x01)
    [InlineData(0x1E270020u, InstructionSet.A64, "FpSimd")] // fmov s0, w1 (EC 0x07)
    public void Only_the_instructions_the_trap_controls_reach_decode_each_in_its_class(uint word, InstructionSet instructionSet, string? className)
    {
        var decoded = InstructionDecoder.TryDecode(word, instructionSet, out var access);

        Assert.Equal(className, decoded ? access.Class.Name : null);
    }
}

using System.CommandLine;
using System.IO;
using TrapGen.Cli.Syndromes;
using TrapGen.Decoding;

namespace TrapGen.Cli.Commands;

/// <summary><c>trapgen encode '&lt;instruction&gt;'...</c>: the instruction word and the syndrome its trap reports.</summary>
internal static class EncodeCommand
{
    public static Command Create(TextReader input) => ValueCommand.Create(
        new ValueCommand.Definition<EncodedInstruction>(
            "encode",
            "Encode the instructions the EL2 trap controls reach: the A64 or A32 (and T32) instruction word, and the ESR_EL2 / HSR value its trap reports.",
            "instruction",
            "MSR/MRS (by name or s3_0_c1_c0_0), SYS/SYSL or DC/IC/TLBI/AT by name, MCR/MRC or MCRR/MRRC of p15 or p14, VMRS of FPSID/MVFR0-2, or SMC, quoted, with an optional condition; 'a32 '/'t32 ' before it names the AArch32 set (smc is A64 without); or an instruction word (0xd508871f; 't32 0xee010f10' for T32).",
            "instructions",
            (value, model) => EncodedInstruction.TryParse(value.Text, model, out var encoded, out var error) ? encoded : throw new CliException(value.Origin + ": " + error),
            CliJsonContext.Default.EncodedInstruction,
            EncodedInstructionText.Write),
        input);
}

using System.Globalization;
using System.IO;
using TrapGen.Architecture;
using TrapGen.Decoding;

namespace TrapGen.Cli.Syndromes;

/// <summary>Prints an encoded instruction as a block: words, syndrome, register.</summary>
internal static class EncodedInstructionText
{
    public static void Write(EncodedInstruction encoded, TextWriter output)
    {
        output.WriteLine(encoded.Instruction);
        var table = new TextTable(string.Empty, string.Empty);
        table.Add("  " + encoded.InstructionSet + " word", encoded.Word);
        if (encoded.T32Word is { } t32)
        {
            table.Add("  t32 word", t32 + "  (first halfword in bits [31:16])");
        }

        var syndrome = encoded.Syndrome;
        table.Add("  esr", encoded.Esr + "  (EC " + syndrome.Ec + ", IL " + syndrome.Il.ToString(CultureInfo.InvariantCulture) + ", ISS " + syndrome.Iss + ")");
        if (encoded.Syndrome.Layout is nameof(Layouts.SmcIss) or nameof(Layouts.Smc32Iss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor answers SMCCC NOT_SUPPORTED (x0 = -1) and skips the SMC");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.FpSimdIss) or nameof(Layouts.SveIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor's lazy FP switch loads the guest's SIMD and FP registers (and SVE's), clears CPTR_EL2.TFP and TZ and runs the instruction again");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.PacIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor loads the guest's pointer authentication keys, sets HCR_EL2.API and APK and runs the instruction again");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.OtherIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor gives its guests no 64-byte loads and stores, no profiling and no trace buffer (PSB CSYNC, TSB CSYNC), and injects an UNDEFINED exception, as KVM does");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.SmeIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor gives its guests no SME and injects an UNDEFINED exception, as KVM does");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.EretIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor runs no guest hypervisor whose exception return it would emulate, and injects an UNDEFINED exception");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.HvcSvcIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor gives the guest's EL1 its Supervisor Call, with the same syndrome; its handler returns past the SVC");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.GcsIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor gives its guests no Guarded Control Stack and injects an UNDEFINED exception, as KVM's kvm_handle_gcs does");
        }
        else if (encoded.Syndrome.Layout is nameof(Layouts.WfxIss))
        {
            table.Add("  handled", "by no catalogue: the hypervisor blocks the vCPU until an interrupt (WFI, WFIT) or yields the CPU (WFE, WFET), and skips the instruction");
        }
        else
        {
            table.Add("  register", encoded.Register?.Summary ?? RegisterText.None(encoded.ArchitecturalName, encoded.ArchitecturalMapping));
        }

        if (encoded.Cpu is { } cpu)
        {
            table.Add("  cpu", cpu.Summary);
        }

        table.WriteBodyTo(output);
    }
}

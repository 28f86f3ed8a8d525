using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Tests.Support;
using Xunit;
using static TrapGen.Generators.Tests.Support.MarkedCatalogue;

namespace TrapGen.Generators.Tests;

/// <summary>
/// At least one case per diagnostic ID, each a small catalogue of its own with ‸ where the diagnostic
/// must point, and the words its message must contain. Every case asserts an exact line and column.
/// </summary>
public sealed class DiagnosticTests
{
    public sealed record Case(string Id, string Catalogue, string Message = "")
    {
        public override string ToString() => Id + ": " + Catalogue.Split('\n').First(line => line.Contains(Marker, StringComparison.Ordinal)).Trim();
    }

    private const string Registers = "version: 1\nregisters:\n";

    public static TheoryData<Case> Cases() =>
    [
        new("TG0001", Registers + "  - name: FAR_EL1\n    description: Fault‸: Address\n    handling: passthrough\n"),
        new("TG0002", Registers + "  - name: FAR_EL1\n    ‸colour: blue\n    handling: passthrough\n", "Unknown key 'colour'"),
        new("TG0003", Registers + "  - ‸name: FAR_EL1\n    description: Fault Address Register\n", "'handling'"),
        new("TG0003", Registers + "  - ‸name: WIDGET_EL1\n    implementation_defined: true\n    width: 64\n    handling: passthrough\n", "'encoding'"),
        new("TG0004", Registers + "  - name: FAR_EL1\n    width: ‸48\n    handling: passthrough\n", "expected one of 32, 64"),
        new("TG0005", Registers + "  - name: CONTEXTIDR_EL1\n    encoding: { op0: 3, op1: 0, crn: ‸16, crm: 0, op2: 1 }\n    handling: passthrough\n", "between 0 and 15"),
        new("TG0005", Registers + "  - name: CONTEXTIDR_EL1\n    encoding: { op0: ‸1, op1: 0, crn: 13, crm: 0, op2: 1 }\n    handling: passthrough\n", "between 2 and 3"),
        new("TG0005", Registers + "  - name: TTBR1_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR1\n        mcrr: { opc1: ‸16, crm: 2 }\n", "between 0 and 15"),
        new("TG0006", Registers + ImplementationDefined("ONE_EL1", "crm: 1") + "  - name: TWO_EL1\n    implementation_defined: true\n    encoding: ‸{ op0: 3, op1: 0, crn: 15, crm: 1, op2: 0 }\n    width: 64\n    handling: passthrough\n", "ONE_EL1 already has"),
        new("TG0007", Registers + "  - name: FAR_EL1\n    handling: passthrough\n  - name: ‸FAR_EL1\n    handling: passthrough\n", "already used by the register FAR_EL1"),
        new("TG0008", Registers + "  - name: ‸CONTEXT-IDR_EL1\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, crm: 0, op2: 1 }\n    width: 64\n    handling: passthrough\n", "not a valid C# identifier"),
        new("TG0008", "version: 1\nhooks:\n  - name: ‸class\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    after_write: class\n", "'class'"),
        new("TG0009", Registers + ImplementationDefined("BASE_EL1", "crm: 2") + "    aarch32:\n      - name: ‸BASE\n        mcr: { opc1: 0, crn: 15, crm: 2, opc2: 0 }\n", "say which bits it reaches"),
        new("TG0009", Registers + "  - name: TTBR1_EL1\n    handling: passthrough\n    aarch32:\n      - name: TTBR1\n        mcrr: { opc1: 1, crm: 2 }\n        view: ‸hi\n", "moves the whole register"),
        new("TG0010", Registers + "  - name: VENDOR_EL1\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, crm: 2, op2: 0 }\n    width: 64\n    handling: passthrough\n    aarch32:\n"
            + "      - name: VENDOR_LO\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 7 }\n        view: lo\n      - name: VENDOR_LOW\n        mcr: { opc1: 7, crn: 15, crm: 15, opc2: 6 }\n        view: ‸lo\n", "both map a 32-bit view onto bits [31:0]"),
        new("TG0014", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    traps: { ‸TVM: write }\n", "not declared under 'trap_groups'"),
        new("TG0015", Registers + "  - name: SCTLR_EL1\n    handling: passthrough\n    after_write: ‸UpdateSctrl\n", "names the hook 'UpdateSctrl'"),
        new("TG0016", "version: 1\nemulators:\n  - name: Cntpct\nregisters:\n  - name: CNTPCT_EL0\n    handling: ‸emulated\n", "needs 'emulator: <Name>'"),
        new("TG0016", Registers + "  - name: REVIDR_EL1\n    handling: passthrough\n    value: ‸3\n", "'value' is only used with handling: constant"),
        new("TG0003", Registers + "  - ‸name: MIDR_EL1\n    handling: constant\n", "'value'"),
        new("TG0005", Registers + "  - name: VENDOR_ID\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, crm: 2, op2: 0 }\n    width: 32\n    access: ro\n    handling: constant\n    value: ‸0x1_0000_0000\n", "between 0 and 0xFFFFFFFF"),
        new("TG0016", "version: 1\nemulators:\n  - name: Cntpct\nregisters:\n  - name: CNTPCT_EL0\n    handling: emulated\n    emulator: ‸CntpctX\n", "not declared under 'emulators'"),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸TVM\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { TVM: write }\n", "accesses that the catalogue does not list (writes of SCTLR_EL1 (s3_0_c1_c0_0), "),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸VirtualMemory\n    hcr_bit: 26\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { VirtualMemory: write }\n", "HCR_EL2.TVM traps "),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: TACR\n    others: undefined\nregisters:\n  - name: ‸ACTLR_EL1\n    handling: passthrough\n", "ACTLR_EL1 is listed without that membership: add traps: { TACR: read-write } to it"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TACR\n    hcr_bit: ‸22\nregisters:\n  - name: ACTLR_EL1\n    handling: passthrough\n    traps: { TACR: read-write }\n", "HCR_EL2.TACR is bit 21"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TACR\nregisters:\n  - name: ACTLR_EL1\n    handling: passthrough\n    traps: { ‸TACR: write }\n", "HCR_EL2.TACR traps its reads and writes only"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TACR\nregisters:\n  - name: ACTLR_EL1\n    handling: passthrough\n    traps: { TACR: read-write }\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { ‸TACR: write }\n", "does not put it in TACR's group"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TVM\n    others: raz-wi\n  - name: Writes\n    hcr_bit: ‸26\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { TVM: write }\n", "Trap groups TVM and Writes are both hcr_bit: 26 (HCR_EL2.TVM)"),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸TCPAC\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "CPTR_EL2.TCPAC traps 3 accesses that the catalogue does not list (reads and writes of CPACR_EL1 (s3_0_c1_c0_2), reads and writes of CPACRALIAS_EL1 (s3_0_c1_c4_4), "),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸TPMCR\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "MDCR_EL2.TPMCR traps 2 accesses"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TCPAC\n    hcr_bit: ‸31\nregisters:\n  - name: CPACR_EL1\n    handling: passthrough\n    traps: { TCPAC: read-write }\n", "Trap group TCPAC is CPTR_EL2.TCPAC, not an HCR_EL2 bit: leave hcr_bit out"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TPMCR\n    others: undefined\nregisters:\n  - name: PMCR_EL0\n    handling: passthrough\n    traps: { ‸TPMCR: write }\n", "MDCR_EL2.TPMCR traps its reads and writes only"),
        new("TG0019", "version: 1\nemulators:\n  - name: ‸Spare\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "'Spare' is declared but nothing refers to it"),
        new("TG0020", Registers + "  - name: ‸HCR_EL2\n    handling: passthrough\n", "HCR_EL2 (s3_4_c1_c1_0) is EL2 state: passing guest accesses through to it would let the guest change the hypervisor's own registers; EL1 cannot access it"),
        new("TG0020", Registers + "  - name: ‸VENDOR_EL2\n    implementation_defined: true\n    encoding: { op0: 3, op1: 4, crn: 15, crm: 0, op2: 0 }\n    width: 64\n    handling: passthrough\n", "mark it guest_aarch32_state: true"),

        // The architecture checks. The seed's mistake first: CNTPCT_EL0 with CNTFRQ_EL0's encoding.
        new("TG0021", Registers + "  - name: CNTPCT_EL0\n    encoding: ‸{ op0: 3, op1: 3, crn: 14, crm: 0, op2: 0 }\n    handling: passthrough\n", "The encoding (3,3,14,0,0) is CNTFRQ_EL0; CNTPCT_EL0 is (3,3,14,0,1): write encoding: { op0: 3, op1: 3, crn: 14, crm: 0, op2: 1 }"),
        new("TG0021", Registers + "  - name: VBAR_EL1\n    encoding: ‸{ op0: 3, op1: 0, crn: 12, crm: 7, op2: 0 }\n    handling: passthrough\n", "belongs to no architectural register; VBAR_EL1 is (3,0,12,0,0)"),
        new("TG0021", Registers + "  - name: MY_CTLR_EL1\n    implementation_defined: true\n    encoding: ‸{ op0: 3, op1: 0, crn: 1, crm: 0, op2: 0 }\n    width: 64\n    handling: passthrough\n", "(3,0,1,0,0) is the architectural register SCTLR_EL1"),
        new("TG0021", Registers + "  - name: MY_CTLR_EL1\n    implementation_defined: true\n    encoding: ‸{ op0: 3, op1: 0, crn: 9, crm: 0, op2: 7 }\n    width: 64\n    handling: passthrough\n", "outside the IMPLEMENTATION DEFINED space"),
        new("TG0022", Registers + "  - name: ‸AFSR9_EL1\n    encoding: { op0: 3, op1: 0, crn: 5, crm: 1, op2: 0 }\n    handling: passthrough\n", "AFSR9_EL1 is not an architectural register name: (3,0,5,1,0) is AFSR0_EL1; name it AFSR0_EL1"),
        new("TG0022", Registers + "  - name: ‸SCTRL_EL1\n    handling: passthrough\n", "no AArch64 register named SCTRL_EL1. Did you mean SCTLR_EL1?"),
        new("TG0022", Registers + "  - name: MAIR_EL1\n    other_names: ‸[PRRR_EL1]\n    handling: passthrough\n", "PRRR_EL1 is not another name of MAIR_EL1"),
        new("TG0023", Registers + "  - name: FAR_EL1\n    width: ‸32\n    handling: passthrough\n", "FAR_EL1 is a 64-bit register in the architecture, but width: 32 is declared"),
        new("TG0023", Registers + "  - name: CNTPCT_EL0\n    access: ‸rw\n    handling: passthrough\n", "CNTPCT_EL0 is read-only in the architecture, but access: rw is declared; write access: ro"),
        new("TG0024", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32:\n      - DFAR\n      - name: IFAR\n        mcr: { opc1: 0, crn: 6, crm: 0, opc2: 2 }\n        view: ‸lo\n", "IFAR is FAR_EL1[63:32] in the architecture, but view: lo is declared; write view: hi"),
        new("TG0024", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32:\n      - name: IFAR\n        mcr: ‸{ opc1: 0, crn: 6, crm: 0, opc2: 0 }\n        view: hi\n", "IFAR is MCR p15, 0, c6, c0, 2 in the architecture, but the catalogue gives MCR p15, 0, c6, c0, 0, which is DFAR"),
        new("TG0024", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32:\n      - ‸DFSR\n", "DFSR is mapped to ESR_EL1, not FAR_EL1: list it under ESR_EL1"),
        new("TG0024", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    aarch32:\n      - ‸IFARR\n", "no AArch32 cp15 register named IFARR (the architecture maps DFAR, IFAR onto FAR_EL1). Did you mean IFAR?"),
        // System instructions and sanitised registers.
        new("TG0030", Registers + "  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: ‸DC CISWX\n    handling: ignore\n", "no System instruction named DC CISWX. Did you mean DC CISW?"),
        new("TG0030", Registers + "  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: ‸SCTLR_EL1\n    handling: ignore\n", "SCTLR_EL1 is a register, not a System instruction: list it under registers"),
        new("TG0030", Registers + "  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: ‸TLBI ALLE2\n    handling: ignore\n", "TLBI ALLE2 is an EL2 instruction: EL1 cannot execute it"),
        new("TG0031", Registers + "  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: DC CISW\n    handling: ‸raz-wi\n", "DC CISW: a System instruction is executed, never read or written, so handling: raz-wi has no value to give it"),
        new("TG0031", Registers + "  - name: FAR_EL1\n    handling: passthrough\n    fields: ‸{ FnV: 0 }\n", "FAR_EL1: 'fields' is only used with handling: sanitised"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { ‸SVF: 0 }\n", "ID_AA64PFR0_EL1 has no field named SVF; did you mean SVE?"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: ‸0x10 }\n", "0x10 does not fit ID_AA64PFR0_EL1.SVE [35:32], a 4-bit field (at most 0xF)"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: { lsb: 36, width: 4, value: ‸0 } }\n", "ID_AA64PFR0_EL1.SVE is bits [35:32] in the architecture, but lsb: 36, width: 4 ([39:36]) is declared"),
        new("TG0032", Registers + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 0, ‸Hidden: { lsb: 34, width: 4, value: 0 } }\n", "ID_AA64PFR0_EL1.Hidden [37:34] overlaps SVE [35:32]"),
        new("TG0032", Registers + "  - name: REVIDR_EL1\n    handling: sanitised\n    fields: { ‸Fix: 1 }\n", "The architecture's field table has no fields for REVIDR_EL1: declare the field's bits, Fix: { lsb: <bit>, width: <bits>, value: 1 }"),
        new("TG0033", "version: 1\n‸syndrome:\n  esr: { width: 32 }\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "'syndrome' is no longer needed: the ESR_EL2 and ISS layouts are the architecture's"),
        new("TG0016", "version: 1\nhooks:\n  - name: Flush\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    after_write: Flush\ninstructions:\n  - name: DC CISW\n    handling: ‸hook\n", "handling: hook needs 'hook: <Name>'"),
        new("TG0015", Registers + "  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: DC CISW\n    handling: hook\n    hook: ‸Flush\n", "DC CISW names the hook 'Flush'"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TSW\n    others: undefined\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: DC CIVAC\n    handling: ignore\n    traps: { ‸TSW: write }\n", "DC CIVAC says TSW (HCR_EL2.TSW) traps it, but the architecture does not put it in TSW's group"),
        new("TG0025", "version: 1\nregisters: " + new string('[', 63) + "‸" + new string('[', 10) + new string(']', 73) + "\n", "the YAML nests 65 levels deep here, over the limit of 64; raise it with <TrapGenMaxCatalogueDepth>"),
        new("TG0025", "version: 1\n" + Laughs() + "registers: []\n", "nodes by here, counting each alias as the nodes it stands for, over the limit of 100000; raise it with <TrapGenMaxCatalogueNodes>"),
        new("TG0026", "‸version: 1\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n" + string.Concat(Enumerable.Range(0, 250).Select(i => "    colour" + i + ": blue\n")), "50 more diagnostic(s) not shown (50 error(s))"),
        new("TG0027", "version: 1\nregisters:\n  - name: FAR_EL1\n    description: caf‸\uFFFD\n    handling: passthrough\n", "not valid UTF-8"),

        // The catalogue's CPU models.
        new("TG0034", "version: 1\ncpus: [cortex-a57, ‸cortex-a75]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "unknown CPU model 'cortex-a75'; did you mean cortex-a57, cortex-a35, cortex-a72 or cortex-a76?"),
        new("TG0034", "version: 1\ncpus: ‸[]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus lists no CPU model"),
        new("TG0034", "version: 1\ncpus: [cortex-a57, ‸cortex-a57]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "cpus lists cortex-a57 twice"),
        new("TG0004", "version: 1\ncpus: ‸cortex-a57\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "expected a list of CPU models"),
        new("TG0004", "version: 1\ncpus: [‸{ name: cortex-a57 }]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n", "expected a CPU model's name"),
        new("TG0035", "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: ‸CCSIDR2_EL1\n    handling: raz-wi\n", "the register CCSIDR2_EL1 is not implemented on cortex-a57 (needs FEAT_CCIDX)"),
        new("TG0035", "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: TCR_EL1\n    handling: passthrough\n    aarch32: [TTBCR, ‸TTBCR2]\n", "the AArch32 register TTBCR2 (MCR p15, 0, c2, c0, 3) is not implemented on cortex-a57 (needs FEAT_AA32HPD)"),
        new("TG0035", "version: 1\ncpus: [neoverse-n1]\nregisters:\n  - name: ‸JIDR\n    handling: constant\n    value: 0\n", "the AArch32 register JIDR is not implemented on neoverse-n1 (no AArch32 at EL1)"),
        new("TG0035", "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\ninstructions:\n  - name: ‸DC CVAP\n    handling: ignore\n", "the System instruction DC CVAP is not implemented on cortex-a57 (needs FEAT_DPB)"),
        // Trap groups keyed on any control by its qualified name (issue 23): fine-grained ones need their register, an unknown one gets
        // the closest, one that a model under cpus lacks is TG0035, and a read register's field traps reads only.
        new("TG0037", "version: 1\ntrap_groups:\n  - name: ‸TTBR0_EL1\n    others: undefined\nregisters: []\n",
            "Trap group TTBR0_EL1 names a field of HFGRTR_EL2 and HFGWTR_EL2: a fine-grained trap control is named with its register, as REGISTER.FIELD; write HFGRTR_EL2.TTBR0_EL1 or HFGWTR_EL2.TTBR0_EL1"),
        new("TG0037", "version: 1\ntrap_groups:\n  - name: ‸DCCVAC\n    others: undefined\nregisters: []\n", "names a field of HFGITR_EL2: a fine-grained trap control is named with its register, as REGISTER.FIELD; write HFGITR_EL2.DCCVAC"),
        new("TG0038", "version: 1\ntrap_groups:\n  - name: ‸HFGRTR_EL2.nPIRX_EL1\n    others: undefined\nregisters: []\n", "no trap control named HFGRTR_EL2.nPIRX_EL1. Did you mean HFGRTR_EL2.nPIR_EL1?"),
        new("TG0038", "version: 1\ntrap_groups:\n  - name: ‸MDCR_EL2.TDAX\n    others: unhandled\nregisters: []\n", "Did you mean MDCR_EL2.TDA?"),
        new("TG0038", "version: 1\ntrap_groups:\n  - name: ‸QQQ_EL2.ZZZZZZZZZZZZZZZ\n    others: unhandled\nregisters: []\n", "no trap control named QQQ_EL2.ZZZZZZZZZZZZZZZ: name one as REGISTER.FIELD"),
        new("TG0035", "version: 1\ncpus: [apple-m3]\ntrap_groups:\n  - name: ‸HFGRTR_EL2.nPIR_EL1\n    others: undefined\nregisters: []\n",
            "The trap control HFGRTR_EL2.nPIR_EL1 does not exist on apple-m3 (needs FEAT_FGT and FEAT_S1PIE): there its field is RES0"),
        new("TG0035", "version: 1\ncpus: [apple-m3, cortex-a57, max]\ntrap_groups:\n  - name: ‸HFGRTR_EL2.LORID_EL1\n    others: undefined\nregisters: []\n",
            "does not exist on cortex-a57 (needs FEAT_FGT and FEAT_LOR) or max (needs FEAT_FGT and FEAT_LOR)"),
        new("TG0035", "version: 1\ncpus: [cortex-a57]\ntrap_groups:\n  - name: ‸HCRX_EL2.TCR2En\n    others: undefined\nregisters: []\n", "HCRX_EL2.TCR2En does not exist on cortex-a57 (needs FEAT_HCX and FEAT_TCR2)"),
        new("TG0035", "version: 1\ncpus: [cortex-a57]\ntrap_groups:\n  - name: ‸MPAM2_EL2.TRAPMPAM1EL1\n    others: undefined\nregisters: []\n", "MPAM2_EL2.TRAPMPAM1EL1 does not exist on cortex-a57 (needs FEAT_MPAM)"),
        new("TG0035", "version: 1\ncpus: [neoverse-v1]\ntrap_groups:\n  - name: ‸MPAMHCR_EL2.TRAP_MPAMIDR_EL1\n    others: undefined\nregisters: []\n", "MPAMHCR_EL2.TRAP_MPAMIDR_EL1 does not exist on neoverse-v1 (needs FEAT_MPAM and MPAM_HCR)"),
        // if_implemented: true on a control that needs no feature does nothing; on HCR_EL2.TVM, or on a group of the catalogue's own bit.
        new("TG0039", "version: 1\ntrap_groups:\n  - name: TVM\n    others: undefined\n    if_implemented: ‸true\nregisters: []\n", "if_implemented has no effect on HCR_EL2.TVM: it needs no feature"),
        new("TG0039", "version: 1\ntrap_groups:\n  - name: Mine\n    hcr_bit: 60\n    if_implemented: ‸true\nregisters: []\n", "if_implemented has no effect on Mine"),
        new("TG0038", "version: 1\ntrap_groups:\n  - name: ‸MPAM2_EL2.TRAPMPAM1EL\n    others: undefined\nregisters: []\n", "Did you mean MPAM2_EL2.TRAPMPAM1EL1?"),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸MPAM2_EL2.TIDR\nregisters: []\n", "MPAM2_EL2.TIDR traps 1 access that the catalogue does not list (reads of MPAMIDR_EL1"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: HFGRTR_EL2.TCR_EL1\n    others: undefined\nregisters:\n  - name: TCR_EL1\n    handling: passthrough\n    traps: { ‸HFGRTR_EL2.TCR_EL1: read-write }\n",
            "TCR_EL1 says HFGRTR_EL2.TCR_EL1 traps its reads and writes, but HFGRTR_EL2.TCR_EL1 traps its reads only; write HFGRTR_EL2.TCR_EL1: read"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: HFGITR_EL2.DCCVAC\n    others: undefined\ninstructions:\n  - name: DC CVAC\n    handling: ignore\n    traps: { ‸HFGITR_EL2.DCCVAC: read }\nregisters: []\n",
            "traps its writes only; write HFGITR_EL2.DCCVAC: write"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: HFGWTR_EL2.TCR_EL1\n    others: undefined\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { ‸HFGWTR_EL2.TCR_EL1: write }\n",
            "FAR_EL1 says HFGWTR_EL2.TCR_EL1 traps it, but the architecture does not put it in HFGWTR_EL2.TCR_EL1's group; remove HFGWTR_EL2.TCR_EL1 from its traps"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: MDCR_EL2.TDA\n    others: undefined\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    traps: { ‸MDCR_EL2.TDA: write }\n",
            "FAR_EL1 says MDCR_EL2.TDA traps it, but the architecture does not put it in MDCR_EL2.TDA's group; remove MDCR_EL2.TDA from its traps"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: TDA\n    others: unhandled\n  - name: ‸MDCR_EL2.TDA\n    others: unhandled\nregisters: []\n", "Trap groups TDA and MDCR_EL2.TDA are both MDCR_EL2.TDA; a trap group is its control: merge them into TDA"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: HCR_EL2.TACR\n    hcr_bit: ‸22\n    others: undefined\nregisters: []\n", "Trap group HCR_EL2.TACR declares hcr_bit: 22, but HCR_EL2.TACR is bit 21"),
        new("TG0018", "version: 1\ntrap_groups:\n  - name: HFGRTR_EL2.LORID_EL1\n    hcr_bit: ‸21\n    others: undefined\nregisters: []\n", "Trap group HFGRTR_EL2.LORID_EL1 is HFGRTR_EL2.LORID_EL1, not an HCR_EL2 bit: leave hcr_bit out"),
        new("TG0017", "version: 1\ntrap_groups:\n  - name: ‸HDFGRTR_EL2.PMEVCNTRn_EL0\nregisters: []\n", "HDFGRTR_EL2.PMEVCNTRn_EL0 traps 32 accesses that the catalogue does not list (reads of PMXEVCNTR_EL0 (s3_3_c9_c13_2), reads of PMEVCNTR0_EL0 "),
        new("TG0036", "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { EL2: 0, SVE: ‸1 }\n", "ID_AA64PFR0_EL1.SVE = 1 advertises more than the hardware has on cortex-a57 (SVE = 0): a sanitised ID register may only hide features; give at most 0"),
        new("TG0036", "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { FP: ‸1 }\n", "FP is a signed field, where 0xF means not implemented; give at most 0"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_is_reported_with_its_id_at_the_offending_yaml_position(Case testCase)
    {
        var catalogue = Parse(testCase.Catalogue);

        var diagnostics = GeneratorHarness.CatalogueDiagnostics(catalogue.Text);

        var matching = diagnostics.Where(d => d.Id == testCase.Id).ToList();
        Assert.True(matching.Count > 0, "Expected " + testCase.Id + "; got: " + string.Join("\n", diagnostics));
        var here = matching.Where(d => d.Location.GetLineSpan() is var span
            && span.StartLinePosition.Line == catalogue.Line && span.StartLinePosition.Character == catalogue.Column && span.Path == GeneratorHarness.CataloguePath).ToList();
        Assert.True(here.Count > 0, "Expected " + testCase.Id + " at (" + (catalogue.Line + 1) + "," + (catalogue.Column + 1) + "); got: " + string.Join("\n", matching));
        Assert.Contains(here, d => d.GetMessage(CultureInfo.InvariantCulture).Contains(testCase.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == CatalogueRules.InternalError.Id);
    }

    [Fact]
    public void The_real_catalogue_has_no_diagnostics()
    {
        Assert.Empty(GeneratorHarness.CatalogueDiagnostics(TestFiles.RealCatalogue));
    }

    [Fact]
    public void A_syndrome_section_gets_one_warning_at_its_key_whatever_it_holds_and_the_catalogue_still_generates()
    {
        var catalogue = Parse("version: 1\n‸" + MarkedCatalogue.Syndrome.Replace("CRn:       { lsb: 10, width: 4 }", "CRn:       { lsb: 11, width: 3 }", StringComparison.Ordinal)
            .Replace("  mcr:", "  cp15_32:", StringComparison.Ordinal) + "registers:\n  - name: FAR_EL1\n    handling: passthrough\n");

        var (_, result, _) = GeneratorHarness.Run(catalogue.Text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((CatalogueRules.SyndromeRetired.Id, DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal((catalogue.Line, catalogue.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.StartsWith("'syndrome' is no longer needed", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotEmpty(result.GeneratedSources);
    }

    [Fact]
    public void A_tidcp_group_takes_implementation_defined_registers_in_the_space_tidcp_traps()
    {
        const string Catalogue = """
            version: 1
            trap_groups:
              - name: TIDCP
            registers:
              - name: L2CTLR_EL1
                implementation_defined: true
                encoding: { op0: 3, op1: 1, crn: 11, crm: 0, op2: 2 }
                width: 64
                handling: raz-wi
                traps: { TIDCP: read-write }
                aarch32:
                  - name: L2CTLR
                    mcr: { opc1: 1, crn: 9, crm: 0, opc2: 2 }
                    view: lo
            """;

        Assert.Empty(GeneratorHarness.CatalogueDiagnostics(Catalogue));

        // AArch32 CRn 15 is IMPLEMENTATION DEFINED space too, but TIDCP does not trap it.
        var crn15 = GeneratorHarness.CatalogueDiagnostics(Catalogue.Replace("mcr: { opc1: 1, crn: 9, crm: 0, opc2: 2 }", "mcr: { opc1: 0, crn: 15, crm: 0, opc2: 0 }", StringComparison.Ordinal));
        Assert.Contains(crn15, d => d.Id == "TG0018" && d.GetMessage(CultureInfo.InvariantCulture).Contains("does not put it in TIDCP's group", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_positioned_rule_has_a_case()
    {
        // TG9999 is a bug; TG0028 (no catalogue) has no file to point into and TG0029 (a second catalogue) is about a whole file:
        // CatalogueDiscoveryTests covers both.
        string[] unpositioned = [CatalogueRules.InternalError.Id, CatalogueRules.NoCatalogue.Id, CatalogueRules.SecondCatalogue.Id];
        var covered = ((System.Collections.Generic.IEnumerable<object[]>)Cases()).Select(row => ((Case)row[0]).Id).ToHashSet();
        var uncovered = CatalogueRules.All.Select(r => r.Id).Where(id => !unpositioned.Contains(id) && !covered.Contains(id));
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Diagnostics_print_as_the_compiler_prints_them()
    {
        var catalogue = Parse(Registers + "  - name: SCTLR_EL1\n    handling: passthrough\n    after_write: ‸UpdateSctrl\n");
        var diagnostic = GeneratorHarness.CatalogueDiagnostics(catalogue.Text).Single(d => d.Id == "TG0015");
        var printed = diagnostic.ToString();
        Assert.StartsWith(GeneratorHarness.CataloguePath + "(" + (catalogue.Line + 1) + "," + (catalogue.Column + 1) + "): error TG0015: SCTLR_EL1 names the hook 'UpdateSctrl'", printed, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("https://github.com/trapgen/trapgen/blob/main/docs/diagnostics.md#tg0015", diagnostic.Descriptor.HelpLinkUri);
    }

    /// <summary>
    /// Alias amplification: each anchor holds ten aliases of the one before, so l4 stands for 111,111
    /// nodes. With about 24,000 nodes before it, its 7th alias crosses 100,000: that is where ‸ goes.
    /// </summary>
    private static string Laughs()
    {
        var text = new System.Text.StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 6; i++)
        {
            var aliases = Enumerable.Range(0, 10).Select(a => (i == 4 && a == 6 ? "‸" : string.Empty) + "*l" + (i - 1));
            text.Append('l').Append(i).Append(": &l").Append(i).Append(" [").Append(string.Join(", ", aliases)).Append("]\n");
        }

        return text.ToString();
    }

    private static string ImplementationDefined(string name, string crm) =>
        "  - name: " + name + "\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, " + crm + ", op2: 0 }\n    width: 64\n    handling: passthrough\n";
}

// An EL2 monitor for QEMU's virt board (virtualization=on, highmem=off, one CPU): it enters a real guest at
// EL1 with its MMU off under a trap policy, performs every trapped System register access on the CPU itself
// and logs each trap on the PL011 UART. Built with GNU binutils (MonitorBuild.cs); its parameters come as
// --defsym symbols:
//   HCR_INIT     HCR_EL2 the guest starts under (RW for an AArch64 guest, the policy's trap controls)
//   SEED_RULE    1: the seed's update_sctlr, which clears HCR_EL2.DC and TVM when the guest sets SCTLR.M
//   GUEST_ENTRY  the guest's first instruction
//   GUEST_SPSR   SPSR_EL2 for the entry (EL1h, or AArch32 SVC; interrupts masked)
//   GUEST_X0     x0 (r0) at entry: the device tree's address for Linux
//   RAM_SIZE     the RAM QEMU has (-m), at 0x40000000; the monitor is linked at its last 2 MB (MONITOR_BASE)
//   MDCR_INIT    MDCR_EL2's trap controls (TPM, TPMCR, ...) besides HPMN, which keeps its reset value
// and the policy's identification values come in policy-values.s (written with the policy, beside this file):
//   id_table64   .quad pairs: an AArch64 read's ISS under 0x3ffc1e (op0, op2, op1, CRn, CRm), the value the guest reads
//   id_table32   .quad pairs: a cp15 MRC's opc1 << 12 | CRn << 8 | CRm << 4 | opc2, the value the guest reads
//   each ends with the key -1. A trapped read of a register in them is answered from them, as a hypervisor answers
//   an identification register from its own view of the CPU; every other trapped access is performed on the CPU.
// A trapped data cache maintenance by set/way (HCR_EL2.TSW) is performed, and sets HCR_EL2.TVM when it is clear
// (KVM's kvm_set_way_flush), so that the guest's next MMU enable traps and drops it again.
// A trap's log record is one line on the UART: the byte 0x1e, then in hex ESR_EL2, ELR_EL2, the value moved,
// HCR_EL2 before and HCR_EL2 after, separated by spaces. A fatal exception prints 0x1e '!' ESR ELR FAR and
// powers the machine off. PSCI calls by HVC (and by SMC when HCR_EL2.TSC traps them) are passed to QEMU's
// PSCI with an SMC from EL2.
// The guest's general-purpose registers are saved in a frame on SP_EL2: x0..x30 at [sp, #8*n].
.arch armv8-a
.equ UART, 0x09000000
.equ HCR_DC, (1 << 12)
.equ HCR_TVM, (1 << 26)
.equ FRAME, 256
.equ MONITOR_BASE, 0x40000000 + RAM_SIZE - 0x200000
// Stage-2 block descriptors: Normal write-back (MemAttr 0b1111), Device-nGnRE (0b0001); read/write, AF.
.equ S2_NORMAL, 0x7fd
.equ S2_DEVICE, 0x4c5
// VTCR_EL2: 4 GB of IPA (T0SZ 32) from level 1 (SL0 1), 4 KB granule, write-back inner shareable walks.
.equ VTCR, 0x80003560

// The guest's frame: x0..x30 at [sp, #8*n], saved (stp, str) or restored (ldp, ldr).
.macro guest_frame pair, single
    \pair x0, x1, [sp, #0]
    \pair x2, x3, [sp, #16]
    \pair x4, x5, [sp, #32]
    \pair x6, x7, [sp, #48]
    \pair x8, x9, [sp, #64]
    \pair x10, x11, [sp, #80]
    \pair x12, x13, [sp, #96]
    \pair x14, x15, [sp, #112]
    \pair x16, x17, [sp, #128]
    \pair x18, x19, [sp, #144]
    \pair x20, x21, [sp, #160]
    \pair x22, x23, [sp, #176]
    \pair x24, x25, [sp, #192]
    \pair x26, x27, [sp, #208]
    \pair x28, x29, [sp, #224]
    \single x30, [sp, #240]
.endm

.text
.global _start
_start:
    ldr x0, =stack_top
    mov sp, x0
    ldr x0, =el2_vectors
    msr vbar_el2, x0

    // The monitor hides itself: the memory node of QEMU's device tree (at the start of RAM) ends where the
    // monitor begins. The node's reg is found as its four big-endian cells <0 0x40000000 0 RAM_SIZE>.
    mov x1, #0x40000000
    ldr w2, [x1, #8]            // off_dt_struct
    rev w2, w2
    ldr w3, [x1, #36]           // size_dt_struct
    rev w3, w3
    add x2, x1, x2
    add x3, x2, x3
    mov w4, #0x40               // 0x40000000, big-endian
    ldr w5, =RAM_SIZE
    rev w5, w5
1:  ldp w6, w7, [x2]
    cbnz w6, 2f
    cmp w7, w4
    b.ne 2f
    ldp w6, w7, [x2, #8]
    cbnz w6, 2f
    cmp w7, w5
    b.ne 2f
    ldr w7, =(MONITOR_BASE - 0x40000000)
    rev w7, w7
    str w7, [x2, #12]
    b 3f
2:  add x2, x2, #4
    cmp x2, x3
    b.lo 1b
    b fatal
3:
    // The identity stage-2 map HCR_EL2.DC needs (it acts as if stage 2 were on): 4 GB from level 1.
    // 0-1 GB: 2 MB blocks, the flash (0-128 MB) Normal, the MMIO above it Device-nGnRE; 1-4 GB: RAM, Normal.
    ldr x1, =s2_l1
    ldr x2, =s2_l2
    orr x3, x2, #3
    str x3, [x1]
    ldr x4, =S2_NORMAL
    mov x8, #0x40000000
    mov x3, x8
    orr x5, x3, x4
    str x5, [x1, #8]
    add x3, x3, x8
    orr x5, x3, x4
    str x5, [x1, #16]
    add x3, x3, x8
    orr x5, x3, x4
    str x5, [x1, #24]
    ldr x7, =S2_DEVICE
    mov x6, #0
1:  lsl x3, x6, #21
    cmp x6, #64
    csel x5, x4, x7, lo
    orr x5, x3, x5
    str x5, [x2, x6, lsl #3]
    add x6, x6, #1
    cmp x6, #512
    b.lo 1b
    dsb sy
    msr vttbr_el2, x1
    ldr x0, =VTCR
    msr vtcr_el2, x0

    // The physical counter and timer are the guest's (CNTHCTL_EL2.EL1PCTEN, EL1PCEN), the virtual one has no offset.
    mrs x0, cnthctl_el2
    orr x0, x0, #3
    msr cnthctl_el2, x0
    msr cntvoff_el2, xzr
    // No floating-point or debug trap: CPTR_EL2 its RES1 bits, MDCR_EL2 only its HPMN.
    mov x0, #0x33ff
    msr cptr_el2, x0
    mrs x0, mdcr_el2
    and x0, x0, #0x1f
    ldr x1, =MDCR_INIT
    orr x0, x0, x1
    msr mdcr_el2, x0
    mrs x0, midr_el1
    msr vpidr_el2, x0
    mrs x0, mpidr_el1
    msr vmpidr_el2, x0

    ldr x0, =HCR_INIT
    msr hcr_el2, x0
    ldr x0, =GUEST_ENTRY
    msr elr_el2, x0
    ldr x0, =GUEST_SPSR
    msr spsr_el2, x0
    isb
    ldr x0, =GUEST_X0
    mov x1, #0
    mov x2, #0
    mov x3, #0
    eret

// A synchronous exception from the guest (AArch64 or AArch32).
lower_sync:
    sub sp, sp, #FRAME
    guest_frame stp, str
    mrs x20, esr_el2
    mrs x21, elr_el2
    mrs x22, hcr_el2
    mov x23, #0                 // the value moved
    lsr x19, x20, #26
    cmp x19, #0x18
    b.eq sysreg64
    cmp x19, #0x03
    b.eq cp15_32
    cmp x19, #0x04
    b.eq cp15_64
    cmp x19, #0x16
    b.eq hvc
    cmp x19, #0x12
    b.eq hvc
    cmp x19, #0x17
    b.eq smc
    cmp x19, #0x13
    b.eq smc
    b fatal

// MSR, MRS or SYS from AArch64 (EC 0x18): the same access, on the CPU at EL2, through x0.
sysreg64:
    ubfx x24, x20, #5, #5       // Rt
    ldr w26, =0xd5000000
    and x0, x20, #1             // direction: 1 read
    orr x26, x26, x0, lsl #21
    ubfx x0, x20, #20, #2       // op0
    orr x26, x26, x0, lsl #19
    ubfx x0, x20, #14, #3       // op1
    orr x26, x26, x0, lsl #16
    ubfx x0, x20, #10, #4       // CRn
    orr x26, x26, x0, lsl #12
    ubfx x0, x20, #1, #4        // CRm
    orr x26, x26, x0, lsl #8
    ubfx x0, x20, #17, #3       // op2
    orr x26, x26, x0, lsl #5
    ldr x1, =0x3ffc1e
    and x25, x20, x1            // the register or instruction, by its ISS
    tbz x20, #0, 1f
    // A read the policy answers (an identification register): its value, not the CPU's.
    mov x0, x25
    ldr x1, =id_table64
    bl id_find
    b.ne 1f
    mov x0, x2
    b 3f
1:  bl run_stub_setup
    tbnz x20, #0, 2f
    // A write: x0 = Rt (xzr reads 0).
    mov x0, #0
    cmp x24, #31
    b.eq 1f
    ldr x0, [sp, x24, lsl #3]
1:  mov x23, x0
    blr x27
    // DC ISW, DC CSW, DC CISW (op0 1, op1 0, CRn 7, CRm 6, 10, 14, op2 2): the set/way rule.
    ldr x2, =0x141c0c
    cmp x25, x2
    b.eq setway
    ldr x2, =0x141c14
    cmp x25, x2
    b.eq setway
    ldr x2, =0x141c1c
    cmp x25, x2
    b.eq setway
    // The seed's update_sctlr for SCTLR_EL1 (op0 3, op1 0, CRn 1, CRm 0, op2 0).
    ldr x1, =0x3ffc1e
    ldr x2, =0x300400
    b written
2:  blr x27
3:  mov x23, x0
    cmp x24, #31
    b.eq done_advance
    str x0, [sp, x24, lsl #3]
    b done_advance

// MCR or MRC of cp15 from AArch32 (EC 0x03): the AArch64 register the AArch32 one maps to, by the table below.
cp15_32:
    ubfx x24, x20, #5, #5       // Rt
    cmp x24, #13
    b.hs fatal                  // r13, r14 are banked by mode: no guest moves them to cp15
    ubfx x0, x20, #14, #3       // opc1
    ubfx x1, x20, #10, #4       // CRn
    ubfx x2, x20, #1, #4        // CRm
    ubfx x3, x20, #17, #3       // opc2
    lsl x0, x0, #12
    orr x0, x0, x1, lsl #8
    orr x0, x0, x2, lsl #4
    orr x0, x0, x3
    tbz x20, #0, 5f
    // A read the policy answers (an identification register): its value, not the CPU's.
    mov x28, x0
    ldr x1, =id_table32
    bl id_find
    b.ne 6f
    mov x23, x2
    str x23, [sp, x24, lsl #3]
    b done_advance
6:  mov x0, x28
    b 7f
    // DCISW, DCCSW, DCCISW (opc1 0, c7, c6, c10, c14, 2): DC ISW, CSW, CISW with the same operand, and the set/way rule.
5:  ldr w26, =0xd5087640
    cmp x0, #0x762
    b.eq cp15_setway
    ldr w26, =0xd5087a40
    cmp x0, #0x7a2
    b.eq cp15_setway
    ldr w26, =0xd5087e40
    cmp x0, #0x7e2
    b.eq cp15_setway
7:  bl cp15_find                // x26: the AArch64 MRS word, x25: 0 the low half, 1 the high half
    bl run_stub_read
    mov x28, x0                 // the AArch64 register's value
    tbnz x20, #0, 3f
    ldr x23, [sp, x24, lsl #3]
    and x23, x23, #0xffffffff
    cbnz x25, 1f
    and x0, x28, #0xffffffff00000000
    orr x0, x0, x23
    b 2f
1:  and x0, x28, #0xffffffff
    orr x0, x0, x23, lsl #32
2:  bl run_stub_write
    // The seed's update_sctlr for SCTLR (opc1 0, c1, c0, 0); bits [23:20] are the condition.
    ldr x1, =0xffc1e
    ldr x2, =0x400
    b written
3:  cbz x25, 4f
    lsr x28, x28, #32
4:  and x23, x28, #0xffffffff
    str x23, [sp, x24, lsl #3]
    b done_advance

cp15_setway:
    ldr x23, [sp, x24, lsl #3]
    and x23, x23, #0xffffffff
    bl run_stub_setup
    mov x0, x23
    blr x27
    b setway

// MCRR or MRRC of cp15 from AArch32 (EC 0x04): TTBR0 and TTBR1, the 64-bit AArch64 register whole.
cp15_64:
    ubfx x24, x20, #5, #5       // Rt
    ubfx x25, x20, #10, #5      // Rt2
    cmp x24, #13
    b.hs fatal
    cmp x25, #13
    b.hs fatal
    ubfx x0, x20, #16, #4       // opc1
    ubfx x1, x20, #1, #4        // CRm
    cmp x1, #2
    b.ne fatal
    ldr w26, =0xd5382000        // mrs x0, ttbr0_el1
    cbz x0, 1f
    cmp x0, #1
    b.ne fatal
    ldr w26, =0xd5382020        // mrs x0, ttbr1_el1
1:  bl run_stub_setup
    tbnz x20, #0, 2f
    ldr x0, [sp, x24, lsl #3]
    and x0, x0, #0xffffffff
    ldr x1, [sp, x25, lsl #3]
    orr x0, x0, x1, lsl #32
    mov x23, x0
    bl run_stub_write
    b done_advance
2:  bl run_stub_read
    mov x23, x0
    and x1, x0, #0xffffffff
    str x1, [sp, x24, lsl #3]
    lsr x1, x0, #32
    str x1, [sp, x25, lsl #3]
    b done_advance

// HVC: PSCI (and any SMCCC call) is passed on to QEMU with an SMC from EL2; ELR_EL2 is already past the HVC.
hvc:
    bl forward_smc
    b done

// SMC trapped by HCR_EL2.TSC: passed on the same way; ELR_EL2 is the SMC itself.
smc:
    bl forward_smc
    b done_advance

forward_smc:
    ldp x0, x1, [sp, #0]
    ldp x2, x3, [sp, #16]
    mov x23, x0
    smc #0
    stp x0, x1, [sp, #0]
    stp x2, x3, [sp, #16]
    ret

// A write is done (x23 the value written). When it was to SCTLR(_EL1), the ISS under the mask x1 being x2, the
// seed's update_sctlr: M set clears HCR_EL2.DC and TVM.
written:
    and x1, x20, x1
    cmp x1, x2
    b.ne done_advance
    ldr x1, =SEED_RULE
    cbz x1, done_advance
    tbz x23, #0, done_advance
    mrs x1, hcr_el2
    ldr x2, =(HCR_DC | HCR_TVM)
    bic x1, x1, x2
    msr hcr_el2, x1
    isb
    b done_advance

// A set/way maintenance was performed: KVM's kvm_set_way_flush sets HCR_EL2.TVM when it is clear (the guest's
// memory needs no clean here: QEMU's caches are coherent), so that the guest's next MMU enable traps.
setway:
    mrs x1, hcr_el2
    tbnz x1, #26, done_advance
    orr x1, x1, #HCR_TVM
    msr hcr_el2, x1
    isb
    b done_advance

// The trapped instruction is done: past it (IL: 4 bytes, else 2), log, back to the guest.
done_advance:
    mov x0, #2
    tbz x20, #25, 1f
    mov x0, #4
1:  add x0, x21, x0
    msr elr_el2, x0
done:
    mov x0, #0x1e
    bl putc
    mov x0, x20
    bl puthex
    bl space
    mov x0, x21
    bl puthex
    bl space
    mov x0, x23
    bl puthex
    bl space
    mov x0, x22
    bl puthex
    bl space
    mrs x0, hcr_el2
    bl puthex
    mov x0, #'\n'
    bl putc
    guest_frame ldp, ldr
    add sp, sp, #FRAME
    eret

// x26: an MRS word with Rt = x0 (bit 21 set: a read). Writes the stub "<x26>; ret", made executable; x27 its address.
run_stub_setup:
    ldr x27, =stub
    str w26, [x27]
    dc cvau, x27
    dsb ish
    ic ivau, x27
    dsb ish
    isb
    ret

// x26: an MRS word; reads the register into x0.
run_stub_read:
    mov x29, x30
    orr x26, x26, #(1 << 21)
    bl run_stub_setup
    blr x27
    mov x30, x29
    ret

// x26: an MRS word; writes x0 to the register.
run_stub_write:
    mov x29, x30
    mov x28, x0
    bic x26, x26, #(1 << 21)
    bl run_stub_setup
    mov x0, x28
    blr x27
    mov x30, x29
    ret

// x0: opc1 << 12 | CRn << 8 | CRm << 4 | opc2 of a cp15 register; x26: its AArch64 register's MRS word, x25: the half.
cp15_find:
    ldr x1, =cp15_table
1:  ldr w2, [x1], #12
    cmn w2, #1
    b.eq fatal
    cmp w2, w0
    b.ne 1b
    ldur w26, [x1, #-8]
    ldur w25, [x1, #-4]
    ret

// x0: a key, x1: a table of .quad key, value pairs ending with the key -1. Found: x2 the value and the flags eq.
id_find:
1:  ldp x2, x3, [x1], #16
    cmn x2, #1
    b.eq 2f
    cmp x2, x0
    b.ne 1b
    mov x2, x3
    cmp x0, x0
    ret
2:  cmp x2, #0
    ret

fatal:
    mov x0, #0x1e
    bl putc
    mov x0, #'!'
    bl putc
    mrs x0, esr_el2
    bl puthex
    bl space
    mrs x0, elr_el2
    bl puthex
    bl space
    mrs x0, far_el2
    bl puthex
    mov x0, #'\n'
    bl putc
off:
    ldr x0, =0x84000008         // PSCI SYSTEM_OFF
    smc #0
    b off

// x0 on the UART in hex, without leading zeros. Clobbers x0 to x5.
puthex:
    mov x5, x30
    mov x1, x0
    mov x2, #60
1:  cmp x2, #0
    b.eq 2f
    lsr x3, x1, x2
    cbnz x3, 2f
    sub x2, x2, #4
    b 1b
2:  lsr x3, x1, x2
    and x3, x3, #0xf
    add x0, x3, #'0'
    add x4, x3, #('a' - 10)
    cmp x3, #9
    csel x0, x0, x4, ls
    bl putc
    subs x2, x2, #4
    b.ge 2b
    mov x30, x5
    ret

space:
    mov x0, #' '
putc:
    ldr x4, =UART
    strb w0, [x4]
    ret

.ltorg

.balign 2048
el2_vectors:
    .rept 8
    b fatal
    .balign 128
    .endr
    b lower_sync                // lower EL, AArch64: synchronous
    .balign 128
    .rept 3
    b fatal
    .balign 128
    .endr
    b lower_sync                // lower EL, AArch32: synchronous
    .balign 128
    .rept 3
    b fatal
    .balign 128
    .endr

.data
.balign 8
// cp15 registers by opc1 << 12 | CRn << 8 | CRm << 4 | opc2: the AArch64 register they map to (an MRS word, Rt x0)
// and the half they are (0 bits [31:0], 1 bits [63:32]).
cp15_table:
    .word 0x0100, 0xd5381000, 0   // SCTLR: SCTLR_EL1
    .word 0x0101, 0xd5381020, 0   // ACTLR: ACTLR_EL1[31:0] (HCR_EL2.TACR)
    .word 0x1000, 0xd5390000, 0   // CCSIDR: CCSIDR_EL1 (HCR_EL2.TID2)
    .word 0x2000, 0xd53a0000, 0   // CSSELR: CSSELR_EL1 (HCR_EL2.TID2)
    .word 0x0200, 0xd5382000, 0   // TTBR0 (32-bit): TTBR0_EL1
    .word 0x0201, 0xd5382020, 0   // TTBR1 (32-bit): TTBR1_EL1
    .word 0x0202, 0xd5382040, 0   // TTBCR: TCR_EL1
    .word 0x0300, 0xd53c3000, 0   // DACR: DACR32_EL2
    .word 0x0500, 0xd5385200, 0   // DFSR: ESR_EL1
    .word 0x0501, 0xd53c5020, 0   // IFSR: IFSR32_EL2
    .word 0x0510, 0xd5385100, 0   // ADFSR: AFSR0_EL1
    .word 0x0511, 0xd5385120, 0   // AIFSR: AFSR1_EL1
    .word 0x0600, 0xd5386000, 0   // DFAR: FAR_EL1[31:0]
    .word 0x0602, 0xd5386000, 1   // IFAR: FAR_EL1[63:32]
    .word 0x0a20, 0xd538a200, 0   // PRRR/MAIR0: MAIR_EL1[31:0]
    .word 0x0a21, 0xd538a200, 1   // NMRR/MAIR1: MAIR_EL1[63:32]
    .word 0x0a30, 0xd538a300, 0   // AMAIR0: AMAIR_EL1[31:0]
    .word 0x0a31, 0xd538a300, 1   // AMAIR1: AMAIR_EL1[63:32]
    .word 0x0d01, 0xd538d020, 0   // CONTEXTIDR: CONTEXTIDR_EL1
    .word 0xffffffff, 0, 0

.balign 8
.include "policy-values.s"

.balign 4096
s2_l1: .space 4096
s2_l2: .space 4096
.balign 16
stub: .word 0, 0xd65f03c0         // <the access>; ret
.balign 16
.space 8192
stack_top:

#!/usr/bin/env python3
"""Write src/TrapGen.Architecture/Tables/fine-grained-traps.table from the Arm ARM.

Two readings of the Arm Architecture Reference Manual for A-profile (DDI 0487 M.a.a, in the Markdown conversion
of github.com/wuyongzheng/arm-md-specs, directory arm/):

- the fine-grained trap registers' field descriptions (D24.2.61 HAFGRTR_EL2, D24.2.66-69 HDFG*, D24.2.70-75
  HFG*): every field, its bit, its polarity (a field whose name starts with a lower-case n traps while clear)
  and the feature that makes it exist ("When FEAT_X is implemented:");
- each register's and instruction's accessor pseudocode, as tools/architecture/extract-el1-traps.py wrote it to
  tests/TrapGen.Architecture.Tests/ArmArm/el1-traps.tsv: which accesses at EL1 each field traps.

Only the accesses TrapGen's own tables name (aarch64-registers.table, aarch64-instructions.table) are listed;
the others (what the tables still lack: the GICv5 registers, ...) are counted in the table's header. An access that
a field traps only under a qualifier (HCRX_EL2.FGTnXS=clear for the nXS TLBIs) is followed by it in brackets.
tests/TrapGen.Architecture.Tests/FineGrainedTrapTests.cs checks every listed access against the field's own
description text, the third reading.

Usage:
    tools/architecture/extract-fine-grained-traps.py ARM_MD_DIR > src/TrapGen.Architecture/Tables/fine-grained-traps.table
    tools/architecture/extract-fine-grained-traps.py --fields ARM_MD_DIR > tests/TrapGen.Architecture.Tests/ArmArm/fine-grained-fields.tsv

Python 3 standard library only.
"""

import collections
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TABLES = os.path.join(ROOT, "src", "TrapGen.Architecture", "Tables")
TSV = os.path.join(ROOT, "tests", "TrapGen.Architecture.Tests", "ArmArm", "el1-traps.tsv")

# The fine-grained trap registers: section, the accesses they trap (r: MRS reads; w: MSR writes and System
# instructions) and the feature that makes the register exist (its Configuration paragraph).
REGISTERS = [
    ("HFGRTR_EL2", "D24.2.73", "r", "FEAT_FGT"),
    ("HFGWTR_EL2", "D24.2.75", "w", "FEAT_FGT"),
    ("HFGITR_EL2", "D24.2.71", "w", "FEAT_FGT"),
    ("HDFGRTR_EL2", "D24.2.67", "r", "FEAT_FGT"),
    ("HDFGWTR_EL2", "D24.2.69", "w", "FEAT_FGT"),
    ("HAFGRTR_EL2", "D24.2.61", "r", "FEAT_FGT&FEAT_AMUv1"),
    ("HFGRTR2_EL2", "D24.2.72", "r", "FEAT_FGT2"),
    ("HFGWTR2_EL2", "D24.2.74", "w", "FEAT_FGT2"),
    ("HFGITR2_EL2", "D24.2.70", "w", "FEAT_FGT2"),
    ("HDFGRTR2_EL2", "D24.2.66", "r", "FEAT_FGT2"),
    ("HDFGWTR2_EL2", "D24.2.68", "w", "FEAT_FGT2"),
]

# Fields whose registers have no accessor pseudocode in DDI 0487: the GIC CPU interface's (described by the GIC
# architecture specification, IHI 0069) and ETMv4's TRCOSLAR (the ETM architecture specification, IHI 0064; ETE
# has none), and MSR CPACRALIAS_EL1, whose accessor line the Markdown conversion lost (its pseudocode is filed under
# CPACR_EL1, ArmArmTrapRuleTests.Exceptions). Their accesses come from the field's own description.
FIELD_TEXT_ONLY = {
    "HFGWTR2_EL2.nCPACRALIAS_EL1": ["CPACRALIAS_EL1"],
    "HFGRTR_EL2.ICC_IGRPENn_EL1": ["ICC_IGRPEN0_EL1", "ICC_IGRPEN1_EL1"],
    "HFGWTR_EL2.ICC_IGRPENn_EL1": ["ICC_IGRPEN0_EL1", "ICC_IGRPEN1_EL1"],
    "HDFGWTR_EL2.TRCOSLAR": ["TRCOSLAR"],
}

# Fields that trap instructions no System register accessor has, which trapped-instructions.table lists by name: the
# instruction's own pseudocode tests the field (J1.1.2.43 AArch64.CheckForERetTrap for ERET, ERETAA and ERETAB; J1.1.2.45
# AArch64.CheckForSVCTrap for SVC at EL1; the Operation of C6.2.318 PSB and C6.2.482 TSB for PSB CSYNC and TSB CSYNC; J1.1
# CheckGCSSTREnabled, which C6.2.169 GCSSTR's and C6.2.170 GCSSTTR's Operation call, for GCSSTR and GCSSTTR; the EL1 pseudocode of the Guarded Control Stack's System instructions, C5.9.1 GCSPOPCX, C5.9.4 GCSPUSHM and C5.9.5 GCSPUSHX,
# which the accessor extraction does not read), and el1-traps.tsv does not have it. Each entry names where that pseudocode
# is: functions of the Arm ARM's shared pseudocode (arm-J1.1.md), or instructions' sections of C6.2 or C5.9, every one of
# which must test the field for the script to run.
INSTRUCTION_FIELDS = {
    "HFGITR_EL2.ERET": ([("arm-J1.1.md", "// AArch64.CheckForERetTrap()")], ["ERET", "ERETAA", "ERETAB"]),
    "HFGITR_EL2.SVC_EL1": ([("arm-J1.1.md", "// AArch64.CheckForSVCTrap()")], ["SVC"]),
    "HFGITR_EL2.PSBCSYNC": ([("arm-C6.2.md", "## C6.2.318 PSB")], ["PSB"]),
    "HFGITR2_EL2.TSBCSYNC": ([("arm-C6.2.md", "## C6.2.482 TSB")], ["TSB"]),
    "HFGITR_EL2.nGCSEPP": ([("arm-C5.9.md", "## C5.9.1 GCSPOPCX"), ("arm-C5.9.md", "## C5.9.5 GCSPUSHX")], ["GCSPOPCX", "GCSPUSHX"]),
    "HFGITR_EL2.nGCSPUSHM_EL1": ([("arm-C5.9.md", "## C5.9.4 GCSPUSHM")], ["GCSPUSHM"]),
    "HFGITR_EL2.nGCSSTR_EL1": ([("arm-J1.1.md", "// CheckGCSSTREnabled()")], ["GCSSTR", "GCSSTTR"]),
}

# Why a field traps none of the tables' accesses (its traps "-"), for the header.
NOTHING_BECAUSE = {
    "HFGITR_EL2.SVC_EL0": "an SVC at EL0, which TrapGen's guests, at EL1, do not run",
}

# The qualifiers of trap-controls.table (traps-when qualifies-clear) as the pseudocode tests them.
QUALIFIER = re.compile(r"^(HCRX_EL2\.FGTnXS)=clear$")

FIELD = re.compile(r"^(?:## )?([A-Za-z][A-Za-z0-9_]*(?:<x>)?[A-Za-z0-9_]*) ?, ?bits? \[([0-9x+]+)\](?:, for x = (\d+) to (\d+))?\s*$")
WHEN = re.compile(r"^(?:## )?When (.*) is implemented:\s*$")
SIMPLE_FEATURE = re.compile(r"^FEAT_[A-Za-z0-9_]+$")


def clean(line):
    return line.replace("\\_", "_").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def needs_of(when):
    """The field's condition in register-requirements.table's grammar, or None when it has none we can write."""
    if when is None:
        return None
    parts = [p.strip() for p in re.split(r" is implemented or | or ", when)]
    if all(SIMPLE_FEATURE.match(p) for p in parts):
        return parts
    parts = [p.strip() for p in re.split(r" is implemented and | and ", when)]
    if all(SIMPLE_FEATURE.match(p) for p in parts):
        return ["&".join(parts)]
    return None


def fields_of(path):
    """(name, bit, when, text) of every field of one register's description, an array field once per index."""
    lines = [clean(l) for l in open(path, encoding="utf-8")]
    heads = [(i, FIELD.match(l)) for i, l in enumerate(lines)]
    heads = [(i, m) for i, m in heads if m]
    for k, (i, m) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        body = lines[i + 1:end]
        when = next((WHEN.match(l).group(1) for l in body[:4] if WHEN.match(l)), None)
        text = " ".join(l for l in body if l and not l.startswith("|") and not l.startswith("- On a Warm") and "resets to" not in l)
        name, position, high, low = m.group(1), m.group(2), m.group(3), m.group(4)
        if high is None:
            yield name, int(position), when, text
            continue
        for x in range(int(low), int(high) + 1):
            # "19+2x", "17x", "x+1": a number before x multiplies it.
            bit = eval(re.sub(r"(\d)x", r"\1*x", position).replace("x", str(x)), {}, {})
            yield name.replace("<x>", str(x)), bit, when, text.replace("<x>", str(x))


def table_names():
    """TrapGen's names: every register (and its other names) and System instruction, to its row's name."""
    names = {}
    with open(os.path.join(TABLES, "aarch64-registers.table"), encoding="utf-8") as f:
        for line in f:
            cells = line.split()
            if not cells or cells[0].startswith("#"):
                continue
            names[cells[0]] = cells[0]
            if cells[11] != "-":
                for other in cells[11].split(","):
                    names.setdefault(other, cells[0])
    with open(os.path.join(TABLES, "aarch64-instructions.table"), encoding="utf-8") as f:
        for line in f:
            cells = line.split()
            if not cells or cells[0].startswith("#"):
                continue
            # A one-word instruction (GCSPUSHM) has "-" as its name.
            full = cells[0] if cells[1] == "-" else cells[0] + " " + cells[1]
            names[full] = full
    # A TLBIP (aarch64-128-bit-instructions.table) shares its TLBI's row and rules: its accessor's field is its TLBI's.
    with open(os.path.join(TABLES, "aarch64-128-bit-instructions.table"), encoding="utf-8") as f:
        for line in f:
            cells = line.split()
            if len(cells) > 1 and cells[0] == "TLBIP":
                names.setdefault("TLBIP " + cells[1], "TLBI " + cells[1])
    with open(os.path.join(TABLES, "trapped-instructions.table"), encoding="utf-8") as f:
        for line in f:
            cells = line.split()
            if len(cells) > 1 and not cells[0].startswith("#"):
                names.setdefault(cells[1], cells[1])
    return names


def instruction_fields(arm):
    """INSTRUCTION_FIELDS, each checked against its pseudocode: field -> the instructions it traps."""
    texts = {}
    result = {}
    for field, (places, instructions) in INSTRUCTION_FIELDS.items():
        for source, start_marker in places:
            if source not in texts:
                texts[source] = clean(open(os.path.join(arm, source), encoding="utf-8").read())
            text = texts[source]
            start = text.find(start_marker)
            if start < 0:
                sys.exit(start_marker + " is not in " + source)
            # A function ends where the next one's "// ====" rule starts; an instruction's section where the next section does.
            end_marker = "// ====" if start_marker.startswith("// ") else "\n## " + start_marker.split()[1].rsplit(".", 1)[0] + "."
            end = text.find(end_marker, text.find(end_marker, start) + len(end_marker)) if end_marker == "// ====" else text.find(end_marker, start + 1)
            if field not in text[start:end if end > 0 else len(text)]:
                sys.exit(start_marker + " does not test " + field + " in " + source)
        result[field] = instructions
    return result


def pattern(name):
    """A regex for an accessor name with <n>, <m> or <x> indices."""
    return re.compile("^" + re.sub(r"<[a-z]+>", r"(\\d+)", re.escape(name).replace(r"\<", "<").replace(r"\>", ">")) + "$", re.I)


def same_register(field, name):
    """Whether a field named after a register (DBGBVRn_EL1, ERXMISCn_EL1) names the access (DBGBVR<n>_EL1, ERXMISC1_EL1)."""
    field_pattern = re.sub(r"n(?=_EL[0-3]$)", r"(?:\\d+|<[a-z]>)", re.escape(field))
    return re.match("^" + field_pattern + "$", name, re.I) is not None


def natural(name):
    """Sort key putting DBGBVR2_EL1 before DBGBVR10_EL1."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def accesses(names):
    """Field (REGISTER.FIELD) -> ordered list of (table name, direction), from the accessor pseudocode."""
    result = collections.defaultdict(list)
    missing = collections.defaultdict(set)
    term = re.compile(r"^(H[DA]?FG[RWI]T?R2?_EL2)\.([A-Za-z0-9_]+)(=set|=clear|\?<m)$")
    with open(TSV, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            section, name, accessor, direction, traps, text = line.rstrip("\n").split("\t")
            # A truncated row (the conversion lost part of its EL1 branch) still names the fields it kept.
            if name == "?" or traps in ("-", "!"):
                continue
            # "?NAME": the conversion lost the accessor line and the section names the register.
            name = name.lstrip("?")
            for condition in traps.split(" ; "):
                terms = [t.strip() for t in condition.split(" & ")]
                # A trap-controls.table qualifier in the same condition (HCRX_EL2.FGTnXS=clear & HFGITR_EL2.TLBIVAE1=set,
                # the nXS TLBIs'): the field traps the access only while the qualifier lets it, written after it in brackets.
                qualified = "".join(" [" + q.group(1) + "]" for q in map(QUALIFIER.match, terms) if q)
                for t in terms:
                    m = term.match(t)
                    if not m:
                        continue
                    register, field, test = m.groups()
                    named = re.sub(r"^n(?=[A-Z])", "", field)
                    if accessor.endswith("?") and re.search(r"_EL[0-3]$", named) and not same_register(named, name):
                        # The conversion lost the accessor line, and extract-el1-traps.py named the access after the
                        # register it moves (MSR CPACRALIAS_EL1 as CPACR_EL1): the field names the real one.
                        continue
                    regex = pattern(name)
                    matched = sorted({row for known, row in names.items() if regex.match(known)}, key=natural)
                    for row in matched:
                        if test == "?<m":
                            # HAFGRTR_EL2's array fields: AMEVCNTR0<x>_EL0 traps AMEVCNTR0<x>_EL0, one field per index.
                            index = regex.match(row).group(1)
                            key = register + "." + field + index + "_EL0"
                        else:
                            key = register + "." + field
                        if (row + qualified, direction) not in result[key]:
                            result[key].append((row + qualified, direction))
                    if not matched:
                        missing[register + "." + field].add(name)
    return result, missing


def wrap(text):
    """Text as the header's comment lines, indented under the traps column's description."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > 100:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word) if line else word
    return "\n".join("#               " + l for l in lines + [line])


def fields_tsv(arm):
    """The field descriptions' own words, for FineGrainedTrapTests: register, field, bit and the description's text."""
    print(FIELDS_HEADER)
    for register, section, _, _ in REGISTERS:
        path = os.path.join(arm, "D24.2", "arm-" + section + ".md")
        for name, bit, _, text in sorted(fields_of(path), key=lambda f: -f[1]):
            print("\t".join([register, name, str(bit), re.sub(r"\s+", " ", text).strip()]))


def main(argv):
    if len(argv) == 3 and argv[1] == "--fields":
        fields_tsv(argv[2])
        return
    if len(argv) != 2:
        sys.exit(__doc__)
    arm = argv[1]
    names = table_names()
    traps, missing = accesses(names)
    instructions = instruction_fields(arm)
    rows = []
    for register, section, direction, feature in REGISTERS:
        path = os.path.join(arm, "D24.2", "arm-" + section + ".md")
        for name, bit, when, text in sorted(fields_of(path), key=lambda f: -f[1]):
            needs = needs_of(when)
            condition = feature if needs is None else "|".join(feature + "&" + n for n in needs)
            listed = (traps.get(register + "." + name, []) or [(row, direction) for row in FIELD_TEXT_ONLY.get(register + "." + name, [])]
                      or [(row, direction) for row in instructions.get(register + "." + name, [])])
            if not listed:
                mentioned = sorted({n for n in names if re.search(r"(?<![A-Za-z0-9_])" + re.escape(n) + r"(?![A-Za-z0-9_])", text)})
                if mentioned:
                    print("note: " + register + "." + name + " traps no accessor the pseudocode has, but its text names " + ", ".join(mentioned), file=sys.stderr)
            wrong = [row for row, d in listed if d != direction]
            if wrong:
                sys.exit(register + "." + name + ": " + ", ".join(wrong) + " in the other direction")
            polarity = "clear" if re.match(r"^n[A-Z]", name) else "set"
            rows.append((register, name, bit, polarity, condition, [row for row, _ in listed]))
    known = {r[0] + "." + r[1] for r in rows}
    stray = sorted(k for k in traps if k not in known)
    if stray:
        sys.exit("the pseudocode names fields no description has: " + ", ".join(stray))
    unlisted = sorted({n for v in missing.values() for n in v})

    none = [r[0] + "." + r[1] + (" (" + NOTHING_BECAUSE[r[0] + "." + r[1]] + ")" if r[0] + "." + r[1] in NOTHING_BECAUSE else "")
            for r in rows if not r[5] and r[0].startswith("HFGITR")]
    left_out = "{} of them ({}{})".format(len(unlisted), ", ".join(unlisted[:12]), ", ..." if len(unlisted) > 12 else "") if unlisted else "none"
    print(HEADER.format(left_out=left_out, nothing=wrap("The instruction fields that trap none of them: " + "; ".join(none) + ".")))
    width = max(len(r[1]) for r in rows)
    print("# {:<13} {:<{w}} {:<4} {:<11} {:<30} {}".format("register", "field", "bit", "traps-when", "needs", "traps", w=width))
    for register, name, bit, polarity, condition, listed in rows:
        print("{:<15} {:<{w}} {:<4} {:<11} {:<30} {}".format(register, name, bit, polarity, condition, ", ".join(listed) if listed else "-", w=width).rstrip())


FIELDS_HEADER = """\
# fine-grained-fields.tsv - every field of the fine-grained trap registers, in the words of its description.
#
# Source: Arm Architecture Reference Manual for A-profile (DDI 0487 M.a.a, the Markdown conversion in
# wuyongzheng/arm-md-specs): D24.2.61 HAFGRTR_EL2, D24.2.66-69 HDFG*, D24.2.70-75 HFG*, each field's description
# (not the accessor pseudocode, which fine-grained-traps.table's accesses come from).
# Generated: tools/architecture/extract-fine-grained-traps.py --fields <arm-md>/arm > this file.
#
# Columns (tab-separated): register, field (an array field once per index), bit, and the description's text
# before its table of values, on one line.
#"""

HEADER = """\
# fine-grained-traps.table - the fields of the fine-grained trap registers (FEAT_FGT, FEAT_FGT2), one row each,
# with the EL1 accesses each one traps to EL2 (EC 0x18; ERET's 0x1A, SVC's 0x15, PSB's and TSB's 0x0A and GCSSTR's and
# GCSSTTR's 0x2D, their trap classes').
#
# Source: Arm Architecture Reference Manual for A-profile (DDI 0487 M.a.a, the Markdown conversion in
# wuyongzheng/arm-md-specs): the field descriptions of HFGRTR_EL2 (D24.2.73), HFGWTR_EL2 (D24.2.75), HFGITR_EL2
# (D24.2.71), HDFGRTR_EL2 (D24.2.67), HDFGWTR_EL2 (D24.2.69), HAFGRTR_EL2 (D24.2.61) and their 2 forms (D24.2.66,
# 68, 70, 72, 74) give each field's bit, polarity and feature; each register's and instruction's accessor
# pseudocode gives the accesses a field traps (tests/TrapGen.Architecture.Tests/ArmArm/el1-traps.tsv).
# Generated: tools/architecture/extract-fine-grained-traps.py <arm-md>/arm > this file. Do not edit by hand.
#
# A fine-grained trap applies while EL2 is enabled and, with EL3, SCR_EL3.FGTEn (FGTEn2 for the 2 forms) is 1:
# TrapGen's guests run under an EL2 whose EL3 enables them. The accessor pseudocode checks an access's
# fine-grained trap after its HCR_EL2 and CPTR_EL2 controls and before its MDCR_EL2 ones (every accessor of
# DDI 0487 M.a.a does): a row's rules join each register's in that place.
#
# Columns:
#   register    the fine-grained trap register; its R, W or I says what it traps: MRS reads (HFGRTR_EL2,
#               HDFGRTR_EL2, HAFGRTR_EL2 and their 2 forms), MSR writes (HFGWTR_EL2, HDFGWTR_EL2 and 2 forms),
#               or execution of System instructions (HFGITR_EL2, HFGITR2_EL2)
#   field       the field's name, as the Arm ARM gives it (an array field, AMEVCNTR0<x>_EL0, once per index)
#   bit         its position
#   traps-when  set, or clear for a field whose name starts with n (nPIR_EL1 traps while 0)
#   needs       what makes the field exist: the register's feature, with the field's own ("When FEAT_X is
#               implemented") where it has one this grammar can say; on a CPU without it the field is RES0
#               and traps nothing, whatever its value
#   traps       the accesses it traps, by aarch64-registers.table's and aarch64-instructions.table's names
#               ("TLBI VAE1", "GCSPUSHM"), and the instructions of trapped-instructions.table by theirs (ERET, SVC, PSB for
#               PSB CSYNC, TSB for TSB CSYNC, GCSSTR: their rows name the field where their pseudocode checks it),
#               comma-separated; "-" when it traps
#               none of them. An access followed by a qualifier of trap-controls.table in brackets,
#               "TLBI VAE1NXS [HCRX_EL2.FGTnXS]", is trapped only while the qualifier lets it (the
#               pseudocode's "HCRX_EL2.FGTnXS == '0' &&" before the field).
#               Accesses the tables do not have are left out: {left_out}.
{nothing}
#"""

if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Add to aarch64-registers.table the System registers newer than GNU binutils 2.40.

tools/architecture/sweep-aarch64.sh writes the table from what binutils 2.40 knows. Two later sources name more
registers: Linux's arch/arm64/tools/sysreg and binutils-gdb's opcodes/aarch64-sys-regs.def (current master).
Their declaration lines are kept, with the commits they were read at, as test fixtures
(tests/TrapGen.Architecture.Tests/Sources/linux-sysreg.txt and binutils-sys-regs.txt). This script reads them and
writes one row for every name either gives that the table lacks, with its source in the source column
(`linux`, `binutils`, or both: `linux,binutils`; `-` is a row of the binutils 2.40 sweep):

- encoding: the sources' (they must agree where both name it; SourceAgreementTests checks it too);
- access: binutils' flags (F_REG_READ: RO, F_REG_WRITE: WO, else RW); for a name only Linux gives, the accessors
  the Arm ARM lists for it (MRS: readable, MSR: writable) in tests/TrapGen.Architecture.Tests/ArmArm/el1-traps.tsv;
- el: the name suffix, else op1, as the sweep's rule;
- feature: the Arm ARM's "This register is present only when FEAT_X is implemented" (its register page in the
  Markdown conversion of DDI 0487 M.a.a), else binutils' feature flag;
- traps: the controls of trap-controls.table the Arm ARM's accessor pseudocode checks in its EL1 branch
  (el1-traps.tsv), in its order; controls trap-controls.table does not model are left to it (and the
  fine-grained ones come from fine-grained-traps.table, which names the registers). An EL2 register takes
  HCR_EL2.NV from its class; one whose EL1 accessors never check NV (they stay UNDEFINED, as MECID_*_EL2's do)
  is written !NV.

Left out, and why (each is counted on standard error):
- a name only Linux gives that DDI 0487 M.a.a has no accessor for: the GICv5 CPU interface (FEAT_GCIE: ICC_APR_EL1,
  ICC_CR0_EL1, ICC_PCR_EL1, ICC_PPI_*, ICC_IDR0_EL1, ICC_HPPIR_EL1, ICC_ICSR_EL1, ICC_IAFFIDR_EL1 and the ICH_*_EL2
  ones), which the GICv5 specification describes, and Linux's NVHCR_EL2: no access or trap source;
- binutils' Armv8-R registers (V8R), as the sweep leaves them out.

It also writes register-requirements.table's rows for the new registers (between the markers
"# later registers (tools/architecture/extract-later-registers.py)" and "# end of later registers"), from the
same "present only when" sentence.

Usage:
    tools/architecture/extract-later-registers.py ARM_MD_DIR           # rewrite both tables in place
    tools/architecture/extract-later-registers.py --check ARM_MD_DIR   # exit 1 when they differ from a rewrite

Python 3 standard library only.
"""

import collections
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TABLES = os.path.join(ROOT, "src", "TrapGen.Architecture", "Tables")
TESTS = os.path.join(ROOT, "tests", "TrapGen.Architecture.Tests")
REGISTERS = os.path.join(TABLES, "aarch64-registers.table")
REQUIREMENTS = os.path.join(TABLES, "register-requirements.table")
CONTROLS = os.path.join(TABLES, "trap-controls.table")
LINUX = os.path.join(TESTS, "Sources", "linux-sysreg.txt")
BINUTILS = os.path.join(TESTS, "Sources", "binutils-sys-regs.txt")
TSV = os.path.join(TESTS, "ArmArm", "el1-traps.tsv")

BEGIN = "# later registers (tools/architecture/extract-later-registers.py)"
END = "# end of later registers"

LINUX_LINE = re.compile(r"^Sysreg\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")
BINUTILS_LINE = re.compile(r'^SYSREG \("([a-z0-9_]+)", CPENC \((\d+),(\d+),(\d+),(\d+),(\d+)\), (\S+), (.*)\)$')
PRESENT = re.compile(r"This register is present only when (.*?)\. Otherwise")

# binutils' feature flags, as the sweep names them (FEAT_ + the flag; an architecture level as ArmvX.Y).
BINUTILS_FEATURES = {"PROFILE": "FEAT_SPE", "MEMTAG": "FEAT_MTE", "DEBUGv8p9": "FEAT_Debugv8p9"}


def die(message):
    print("extract-later-registers: " + message, file=sys.stderr)
    sys.exit(2)


def binutils_feature(text):
    flags = re.findall(r"[A-Za-z0-9_]+", text.replace("AARCH64_FEATURES", "").replace("AARCH64_FEATURE", ""))
    flags = [f for f in flags if not f.isdigit() and f != "AARCH64_NO_FEATURES"]
    if not flags:
        return "-"
    level = [f for f in flags if re.match(r"^V\d_\dA$", f)]
    other = [f for f in flags if f not in level]
    if other:
        return BINUTILS_FEATURES.get(other[0], "FEAT_" + other[0])
    return "Armv" + level[0][1] + "." + level[0][3]


def el_of(name, op1):
    if not re.match(r"^SP_EL[0-2]$", name):
        if re.search(r"_EL(12|02)$", name):
            return 2
        m = re.search(r"_EL([0-3])$", name)
        if m:
            return int(m.group(1))
    return 0 if op1 == 3 else 2 if op1 in (4, 5) else 3 if op1 == 6 else 1


def read_table(path):
    header, rows = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                if not rows:
                    header.append(line)
                continue
            rows.append(line.split())
    return header, rows


def controls():
    """Modelled coarse controls: REGISTER.FIELD -> the name the traps column uses."""
    result = {}
    with open(CONTROLS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.split()
            result[cells[0] + "." + cells[1]] = cells[1]
    return result


class Accessors(collections.defaultdict):
    """el1-traps.tsv's accessors by name; a name the tsv writes with an index (PMEVCNTSVR<n>_EL1) matches every
    register of the family."""

    def get(self, name, default=None):
        if name in self:
            return self[name]
        for pattern, found in self.items():
            if "<" in pattern and re.match("^" + re.sub(r"<[a-z]+>", r"[0-9]+", re.escape(pattern).replace("\\<", "<").replace("\\>", ">")) + "$", name):
                return found
        return default if default is not None else []


def accessors():
    by_name = Accessors(list)
    with open(TSV, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            section, name, accessor, direction, traps, text = line.rstrip("\n").split("\t")
            by_name[name].append((section, accessor, direction, traps, text == "complete"))
    return by_name


def traps_of(name, readable, writable, modelled, by_name):
    """The traps column: the modelled controls each direction's first complete EL1 branch checks, in order."""
    lists = {}
    for direction, allowed in (("r", readable), ("w", writable)):
        if not allowed:
            continue
        found = [a for a in by_name.get(name, []) if a[2] == direction and a[4]]
        if not found:
            continue
        checks = []
        for condition in found[0][3].split(" ; "):
            terms = condition.split(" & ")
            if ("HCR_EL2.E2H=set" in terms and "HCR_EL2.E2H=clear" not in terms) or any(t.startswith("HCR_EL2.NVx?") for t in terms):
                continue
            for term in terms:
                m = re.match(r"^([A-Z0-9_]+\.[A-Za-z0-9_]+)=(set|clear)", term)
                if m and m.group(1) in modelled and modelled[m.group(1)] not in checks:
                    checks.append(modelled[m.group(1)])
                # An event counter limit (MDCR_EL2.HPMN?n>=HPMN): the rule names the register's own counter, HPMN[n].
                m = re.match(r"^([A-Z0-9_]+\.[A-Za-z0-9_]+)\?n>=", term)
                counter = re.search(r"(\d+)_EL\d$", name)
                if m and m.group(1) in modelled and counter:
                    check = modelled[m.group(1)] + "[" + counter.group(1) + "]"
                    if check not in checks:
                        checks.append(check)
        lists[direction] = checks
    # One order both directions keep: take a control that heads every direction's list it is in (writes first).
    remaining = {d: list(c) for d, c in lists.items()}
    order = []
    while any(remaining.values()):
        heads = [c[0] for d in ("w", "r") for c in [remaining.get(d, [])] if c]
        pick = next((h for h in heads if all(c[0] == h for c in remaining.values() if h in c)), None)
        if pick is None:
            die(name + ": its reads and writes check the same controls in different orders")
        order.append(pick)
        for c in remaining.values():
            if pick in c:
                c.remove(pick)
    cells = []
    for control in order:
        dirs = "".join(d for d in ("r", "w") if control in lists.get(d, []))
        cells.append(control + ":" + dirs)
    return ",".join(cells) if cells else "-"


def nv_traps(found):
    """Whether any complete EL1 accessor of an EL2 register traps under HCR_EL2.NV: an EL2 register gets NV from its
    class (trap-controls.table), so the traps column says so only of one whose EL1 accessors stay UNDEFINED (!NV)."""
    return any(term.startswith("HCR_EL2.NVx?") for a in found if a[4] for condition in a[3].split(" ; ") for term in condition.split(" & "))


def section_text(arm_dir, section):
    """The Markdown of one section: its own file (D24.2.x), else its part of its chapter's file (D24.5.x)."""
    part = section.rsplit(".", 1)[0]
    own = os.path.join(arm_dir, part, "arm-" + section + ".md")
    if os.path.exists(own):
        with open(own, encoding="utf-8") as f:
            return f.read()
    chapter = os.path.join(arm_dir, "arm-" + part + ".md")
    if not os.path.exists(chapter):
        return ""
    with open(chapter, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## " + re.escape(section) + r" .*$", text, re.M)
    if not m:
        return ""
    following = re.search(r"^## " + re.escape(part) + r"\.\d+ ", text[m.end():], re.M)
    return text[m.start():m.end() + following.start()] if following else text[m.start():]


def present_when(arm_dir, sections):
    for section in sections:
        m = PRESENT.search(section_text(arm_dir, section).replace("\\_", "_"))
        if m:
            return m.group(1), section
    return None, None


# Features whose ID field is not an ID register's (features.table can tell only those). Where the family's own
# feature is also required, the requirement names that one; where it is not, a stand-in would give the registers to
# models that lack them (FEAT_SPE's Neoverse N1 has no PMSDSFR_EL1), so the requirement is NEVER: no model's source
# reports the feature, and a model that needs it must first make it tellable (as FEAT_MPAM_PE_BW_CTRL is:
# features.table reads MPAMIDR_EL1.HAS_BW_CTRL).
STANDS_IN = {
    "FEAT_SPE_FDS": "NEVER",  # PMSIDR_EL1.FDS
    "FEAT_TRBE_MPAM": "NEVER",  # TRBIDR_EL1.MPAM
    "FEAT_ETE": "FEAT_TRC_SR",  # TRCDEVARCH; its rows also need FEAT_ITE
    "FEAT_RME_GPC3": "FEAT_RME",  # GPCCR_EL3.GPCBW; an EL3 register
}

# The Arm ARM's pages of SCTLR_EL1, ACTLR_EL1, CPACR_EL1, TCR_EL1, SCTLR2_EL1 and TCR2_EL1 also give their *ALIAS_EL1
# accessors, which exist only with FEAT_SRMASK ("When FEAT_SRMASK is implemented" above the accessor).
ALIAS = re.compile(r"^[A-Z0-9]+ALIAS_EL1$")

# The conversion lost the accessor line of MSR CPACRALIAS_EL1 and named its pseudocode after CPACR_EL1
# (ArmArmTrapRuleTests.Exceptions): its write is the read's register, and traps as CPACR_EL1's does.
ACCESS_OVERRIDES = {"CPACRALIAS_EL1": ("RW", "TCPAC:rw")}

# Accessors the Arm ARM makes IMPLEMENTATION DEFINED ("If the IMPLEMENTATION DEFINED ACTLR_EL12 accessor is
# implemented", D24.2.2, with FEAT_VHE): no CPU model's source says it implements one, so the requirement is NEVER.
# PMBSR_EL12 and TRBSR_EL12 are accessors on PMBSR_EL1's and TRBSR_EL1's pages, but MDCR_EL2's E2PB and E2TB
# (D24.3.18, D24.3.17) say they come with PMBSR_EL2 and TRBSR_EL2: "If FEAT_SPE_EXC is implemented, MRS and MSR
# accesses to PMBSR_EL2 and PMBSR_EL12" (binutils also gives them Armv9.5).
CONDITION_OVERRIDES = {"ACTLR_EL12": ("NEVER", "D24.2.2"), "PMBSR_EL12": ("FEAT_SPE_EXC", "D24.3.18"), "TRBSR_EL12": ("FEAT_TRBE_EXC", "D24.3.17")}

# Terms of a "present only when" sentence that are not FEAT_ names, as features.table names them. FEAT_MPAM_PE_BW_CTRL
# (MPAMIDR_EL1.HAS_BW_CTRL) and MPAM_HCR (MPAMIDR_EL1.HAS_HCR) are features.table's, read from MPAMIDR_EL1.
TERMS = {"EL3": "EL3", "EL2": "EL2", "System register access to the trace unit registers": "FEAT_TRC_SR", "MPAMIDR_EL1.HAS_HCR == '1'": "MPAM_HCR"}


def condition_of(sentence):
    """register-requirements.table's grammar for a "present only when" sentence, or None. FEAT_AA64 is dropped
    (TrapGen's EL1 is AArch64), and so is a term the grammar cannot say (Secure EL1)."""
    if sentence is None:
        return None
    text = sentence.replace(" is implemented", "").strip()
    m = re.match(r"^\((.*)\) and FEAT_AA64$", text)
    if m:
        text = m.group(1)
    if " or " in text and " and " not in text and "," not in text:
        parts = [p.strip() for p in text.split(" or ")]
        return "|".join(parts) if all(re.match(r"^FEAT_[A-Za-z0-9_]+$", p) for p in parts) else None
    parts = [p.strip() for p in re.split(r", and |, | and ", text)]
    terms = [TERMS.get(p, p) for p in parts if p != "FEAT_AA64"]
    terms = [t for t in terms if re.match(r"^(FEAT_[A-Za-z0-9_]+|EL2|EL3|MPAM_HCR)$", t)]
    terms = [STANDS_IN.get(t, t) for t in terms]
    if "NEVER" in terms:
        return "NEVER"
    return "&".join(dict.fromkeys(terms)) if terms else None


def align(lines):
    widths = collections.defaultdict(int)
    for cells in lines:
        for i, cell in enumerate(cells):
            widths[i] = max(widths[i], len(cell))
    return ["".join(c.ljust(widths[i] + 2) if i < len(cells) - 1 else c for i, c in enumerate(cells)) for cells in lines]


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1 or not os.path.isdir(args[0]):
        die("usage: extract-later-registers.py [--check] ARM_MD_DIR (the arm/ directory of arm-md-specs)")
    arm_dir = args[0]

    header, rows = read_table(REGISTERS)
    if any(len(r) != 13 for r in rows):
        die("aarch64-registers.table: every row needs 13 columns")
    swept = [r for r in rows if r[12] == "-"]
    known = {r[0] for r in swept} | {n for r in swept if r[11] != "-" for n in r[11].split(",")}
    taken = {tuple(r[1:6]) for r in swept}

    linux = {}
    with open(LINUX, encoding="utf-8") as f:
        for line in f:
            m = LINUX_LINE.match(line)
            if m:
                linux[m.group(1)] = tuple(m.group(i) for i in range(2, 7))
    binutils = {}
    with open(BINUTILS, encoding="utf-8") as f:
        for line in f:
            m = BINUTILS_LINE.match(line.strip())
            if m:
                binutils[m.group(1).upper()] = (tuple(m.group(i) for i in range(2, 7)), m.group(7), m.group(8))
    if not linux or not binutils:
        die("no declarations read from the source fixtures")

    by_name = accessors()
    modelled = controls()
    new_rows, requirements, left_out = [], [], collections.Counter()
    for name in sorted((set(linux) | set(binutils)) - known):
        sources = [s for s, table in (("linux", linux), ("binutils", binutils)) if name in table]
        encodings = {linux[name]} if name in linux else set()
        if name in binutils:
            encodings.add(binutils[name][0])
            if "V8R" in binutils[name][2]:
                left_out["Armv8-R"] += 1
                continue
        if len(encodings) != 1:
            die(name + ": the sources disagree on its encoding: " + " ".join(",".join(e) for e in encodings))
        encoding = encodings.pop()
        if encoding in taken:
            die(name + " is at " + ",".join(encoding) + ", which a binutils 2.40 row already names")
        found = by_name.get(name, [])
        sections = sorted({a[0] for a in found})
        if not sections:
            left_out["no accessor in DDI 0487 M.a.a (" + ",".join(sources) + ")"] += 1
            print("extract-later-registers: left out " + name + " (" + ",".join(sources) + "; no accessor in DDI 0487 M.a.a)", file=sys.stderr)
            continue
        if name in binutils:
            flags = binutils[name][1]
            readable, writable = flags != "F_REG_WRITE", flags != "F_REG_READ"
        else:
            readable = any(a[2] == "r" for a in found)
            writable = any(a[2] == "w" for a in found)
        access = "RW" if readable and writable else "RO" if readable else "WO"
        sentence, section = present_when(arm_dir, sections)
        condition = condition_of(sentence)
        if name in CONDITION_OVERRIDES:
            condition, section = CONDITION_OVERRIDES[name]
        if ALIAS.match(name):
            condition = "&".join(dict.fromkeys((condition.split("&") if condition else []) + ["FEAT_SRMASK"]))
            section = section or sections[0]
        feature = condition.split("&")[0].split("|")[0] if condition and condition != "NEVER" else binutils_feature(binutils[name][2]) if name in binutils else "-"
        traps = traps_of(name, readable, writable, modelled, by_name)
        if el_of(name, int(encoding[1])) == 2 and traps == "-" and not nv_traps(found):
            traps = "!NV"
        if name in ACCESS_OVERRIDES:
            access, traps = ACCESS_OVERRIDES[name]
        op0, op1 = int(encoding[0]), int(encoding[1])
        new_rows.append([name, *encoding, "64", access, str(el_of(name, op1)), feature, traps, "-", ",".join(sources)])
        if condition:
            requirements.append(["a64", name, condition, section])
        elif feature != "-" and not (op0 == 3 and op1 == 0 and encoding[2] == "0"):
            print("extract-later-registers: " + name + ": no presence condition the requirements grammar can say (" + str(sentence) + ")", file=sys.stderr)

    all_rows = swept + new_rows
    all_rows.sort(key=lambda r: (int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), r[0]))
    columns = ["# name", "op0", "op1", "crn", "crm", "op2", "width", "access", "el", "feature", "traps", "other_names", "source"]
    lines = align([columns] + all_rows)
    register_text = "\n".join([h for h in header if not h.startswith("# name ")] + lines) + "\n"

    with open(REQUIREMENTS, encoding="utf-8") as f:
        requirement_text = f.read()
    before, _, rest = requirement_text.partition(BEGIN + "\n")
    if rest:
        _, _, after = rest.partition(END + "\n")
    else:
        before, after = requirement_text, ""
    block = [BEGIN] + ["  ".join(r) for r in requirements] + [END]
    requirement_text = before + "\n".join(block) + "\n" + after

    counts = collections.Counter(r[12] for r in new_rows)
    print("extract-later-registers: " + str(len(new_rows)) + " new rows (" + ", ".join(k + " " + str(v) for k, v in sorted(counts.items())) + "), "
          + str(len(requirements)) + " requirement rows; left out: " + ", ".join(k + " " + str(v) for k, v in sorted(left_out.items())), file=sys.stderr)

    if check:
        with open(REGISTERS, encoding="utf-8") as f:
            same = f.read() == register_text
        with open(REQUIREMENTS, encoding="utf-8") as f:
            same = same and f.read() == requirement_text
        if not same:
            print("extract-later-registers: the tables differ from a rewrite", file=sys.stderr)
            sys.exit(1)
        return
    with open(REGISTERS, "w", encoding="utf-8") as f:
        f.write(register_text)
    with open(REQUIREMENTS, "w", encoding="utf-8") as f:
        f.write(requirement_text)


if __name__ == "__main__":
    main()

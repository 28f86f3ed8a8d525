#!/usr/bin/env bash
# sweep-aarch64.sh - derive TrapGen's AArch64 system register and system instruction tables
# from GNU binutils by sweeping encodings through the disassembler and the assembler.
#
# Usage: tools/architecture/sweep-aarch64.sh [--check]
#
#   (no option)  rebuild src/TrapGen.Architecture/Tables/aarch64-registers.table and
#                src/TrapGen.Architecture/Tables/aarch64-instructions.table in place.
#   --check      build fresh tables in a temporary directory and compare them with the
#                checked-in files, ignoring the hand-curated traps column (and keeping their
#                headers, which are kept by hand too); exit 1 on any
#                difference (the diff is printed), 0 when they agree.
#
# What is derived, mechanically, from aarch64-linux-gnu-as and aarch64-linux-gnu-objdump:
#   registers     every MRS (L=1) and MSR (L=0) word for op0 2..3, op1 0..7, CRn 0..15,
#                 CRm 0..15, op2 0..7 is written as `.inst`, assembled once and disassembled
#                 once; every encoding objdump prints by name (not s<op0>_<op1>_c<n>_c<m>_<op2>)
#                 becomes a row, one per name (an encoding named differently for MRS and MSR,
#                 like DBGDTRRX_EL0/DBGDTRTX_EL0, gives two rows).
#   access        `mrs x0, NAME` and `msr NAME, x0` assembled in one batch: the assembler
#                 warns "cannot be read from" / "cannot be written to" (objdump names an
#                 encoding whatever the direction, so it cannot tell).
#   feature       the lowest -march that assembles the name or instruction: armv8-a..armv8.N-a,
#                 then armv8-a+EXT for each extension flag, then armv9-a..armv9.N-a, then the
#                 highest armv9 level + EXT. Names that only armv8-r assembles are Armv8-R (MPU)
#                 registers sharing A-profile encodings: they are left out, as are their spellings.
#   other_names   strings of the libopcodes that `as` uses (and of `as` itself), every suffix,
#                 assembled as `mrs x0, NAME`: a name the assembler accepts that objdump never
#                 prints is an other name of the row objdump prints for its encoding.
#   instructions  every SYS word (op1 0..7, CRn 0..15, CRm 0..15, op2 0..7) with Rt = 0 and
#                 with Rt = 31, disassembled once: the ones printed as DC/IC/TLBI/AT/CFP/DVP/
#                 CPP/... (not `sys`); operand Xt when Rt = 0 prints ", x0", none otherwise.
#   el, width     fixed rules from the Arm ARM (DDI 0487), documented in the table headers.
#
# What stays hand-curated: the traps column of both tables. The script never invents it;
# a rebuild keeps each row's traps from the existing file (by register name, by op + name
# for instructions) and writes `-` for rows that are new.
#
# Rows of later sources: a register row whose source column is not `-` (linux, binutils, or both:
# written by tools/architecture/extract-later-registers.py from Linux's sysreg and binutils master),
# and an instruction row whose source column is not `-` (armarm: the nXS TLBIs, from the Arm ARM), is
# one this binutils does not know. The sweep keeps such rows as they are (later_rows), and fails (exit
# 1, in both modes) when this binutils names one of them or its encoding (later_conflicts): the row
# then belongs to the sweep.
#
# Needs bash and standard Debian tools only (awk, sed, sort, grep, strings, ldd, diff), plus
# binutils-aarch64-linux-gnu. AS and OBJDUMP may be overridden from the environment.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
tables="$repo/src/TrapGen.Architecture/Tables"
reg_table="$tables/aarch64-registers.table"
ins_table="$tables/aarch64-instructions.table"

AS=${AS:-aarch64-linux-gnu-as}
OBJDUMP=${OBJDUMP:-aarch64-linux-gnu-objdump}

mode=build
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  -h|--help) sed -n '2,40p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for tool in "$AS" "$OBJDUMP"; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "sweep-aarch64: $tool not found (Debian package binutils-aarch64-linux-gnu)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-aarch64.XXXXXX")
if [ -z "${SWEEP_KEEP_WORK:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "work: $work" >&2; fi

log() { echo "sweep-aarch64: $*" >&2; }

binutils_version=$("$AS" --version | sed -n 1p)

# ---------------------------------------------------------------------------------------------
# Helpers

# awk function: hexadecimal string (no 0x) to number (mawk has no strtonum).
AWK_HEX='function hex(s,  i, v) { v = 0; s = tolower(s)
  for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
  return v }'

# assemble FILE MARCH: assemble, keep stderr in FILE.err, never fail.
assemble() { "$AS" -march="$2" -o "$1.o" "$1" 2> "$1.err" || true; }

# error_lines ERRFILE: the source line numbers the assembler reported an Error for.
error_lines() { sed -n 's/^[^:]*:\([0-9][0-9]*\): Error: .*/\1/p' "$1" | sort -n -u; }

# feature name for a -march value or an extension flag.
arch_feature() {
  case "$1" in
    armv8-a) echo - ;;
    armv8-r) echo Armv8-R ;;
    armv9-a) echo Armv9.0 ;;
    armv8.*-a|armv9.*-a) local v=${1#armv}; echo "Armv${v%-a}" ;;
    *) echo "$1" ;;
  esac
}

# Extension flags tried (each alone), in order of preference when several imply a name,
# with the Arm FEAT_ name each stands for. Flags this binutils does not know are dropped.
ext_table='ras FEAT_RAS
profile FEAT_SPE
sve FEAT_SVE
memtag FEAT_MTE
rng FEAT_RNG
ls64 FEAT_LS64
tme FEAT_TME
predres FEAT_SPECRES
ssbs FEAT_SSBS
pan FEAT_PAN
lor FEAT_LOR
pauth FEAT_PAuth
flagm FEAT_FlagM
rdma FEAT_RDM
crc FEAT_CRC32
lse FEAT_LSE
fp16 FEAT_FP16
fp16fml FEAT_FHM
rcpc FEAT_LRCPC
dotprod FEAT_DotProd
compnum FEAT_FCMA
sb FEAT_SB
bf16 FEAT_BF16
i8mm FEAT_I8MM
f32mm FEAT_F32MM
f64mm FEAT_F64MM
mops FEAT_MOPS
hbc FEAT_HBC
cssc FEAT_CSSC
fp FEAT_FP
simd FEAT_AdvSIMD
crypto +crypto
aes FEAT_AES
sha2 FEAT_SHA256
sha3 FEAT_SHA3
sm4 FEAT_SM4
sve2 FEAT_SVE2
sve2-aes FEAT_SVE_AES
sve2-sha3 FEAT_SVE_SHA3
sve2-sm4 FEAT_SVE_SM4
sve2-bitperm FEAT_SVE_BitPerm
sme FEAT_SME
sme-f64 FEAT_SME_F64F64
sme-i64 FEAT_SME_I16I64
sme-f64f64 FEAT_SME_F64F64
sme-i16i64 FEAT_SME_I16I64
sme2 FEAT_SME2
brbe FEAT_BRBE
gcs FEAT_GCS
the FEAT_THE
d128 FEAT_D128
ite FEAT_ITE
rcpc3 FEAT_LRCPC3
lse128 FEAT_LSE128'

ext_feature() { printf '%s\n' "$ext_table" | awk -v f="$1" '$1 == f { print $2; found = 1 } END { if (!found) print "+" f }'; }

# ---------------------------------------------------------------------------------------------
# Which -march levels and extension flags this binutils accepts

echo nop > "$work/probe.s"
accepts() { "$AS" -march="$1" -o "$work/probe.o" "$work/probe.s" 2>/dev/null; }

v8_levels=""; v9_levels=""
for a in armv8-a armv8.1-a armv8.2-a armv8.3-a armv8.4-a armv8.5-a armv8.6-a armv8.7-a armv8.8-a \
         armv8.9-a; do
  accepts "$a" && v8_levels="$v8_levels $a"
done
for a in armv9-a armv9.1-a armv9.2-a armv9.3-a armv9.4-a armv9.5-a armv9.6-a; do
  accepts "$a" && v9_levels="$v9_levels $a"
done
top=$(echo $v8_levels $v9_levels | awk '{ print $NF }')
[ -n "$top" ] || { log "the assembler accepts no -march level"; exit 2; }
have_r=""; accepts armv8-r && have_r=armv8-r

exts=""
for e in $(printf '%s\n' "$ext_table" | awk '{ print $1 }'); do
  accepts "$top+$e" && exts="$exts $e"
done
max="$top"; for e in $exts; do max="$max+$e"; done
accepts "$max" || { log "the assembler rejects the combined -march=$max"; exit 2; }
log "$binutils_version"
log "levels:$v8_levels$v9_levels${have_r:+ $have_r}"
log "maximal -march=$max"

# resolve_features ASMFILE OUTFILE: OUTFILE gets, per line of ASMFILE, the feature of the
# lowest -march that assembles that line without an Error ("?" when none does).
resolve_features() {
  local src=$1 out=$2 n done_file="$work/feat.done" a e
  n=$(wc -l < "$src")
  : > "$done_file"
  step() { # step MARCH FEATURE: assign FEATURE to pending lines MARCH accepts
    assemble "$src" "$1"
    error_lines "$src.err" > "$src.bad"
    awk -v n="$n" -v f="$2" 'FILENAME == ARGV[1] { bad[$1]; next }
      FILENAME == ARGV[2] { done[$1]; next }
      END { for (i = 1; i <= n; i++) if (!(i in bad) && !(i in done)) print i, f }' \
      "$src.bad" "$done_file" >> "$done_file"
  }
  for a in $v8_levels; do step "$a" "$(arch_feature "$a")"; done
  for e in $exts; do step "armv8-a+$e" "$(ext_feature "$e")"; done
  for a in $v9_levels; do step "$a" "$(arch_feature "$a")"; done
  for e in $exts; do step "$top+$e" "$(ext_feature "$e")"; done
  [ -z "$have_r" ] || step armv8-r Armv8-R
  awk -v n="$n" '{ f[$1] = $2 } END { for (i = 1; i <= n; i++) print (i in f) ? f[i] : "?" }' \
    "$done_file" > "$out"
}

# ---------------------------------------------------------------------------------------------
# 1. MRS/MSR sweep: every named encoding, per direction

awk 'BEGIN {
  for (L = 0; L < 2; L++) for (op0 = 2; op0 < 4; op0++) for (op1 = 0; op1 < 8; op1++)
  for (n = 0; n < 16; n++) for (m = 0; m < 16; m++) for (o2 = 0; o2 < 8; o2++)
    printf ".inst 0x%08x\n", 3573547008 + L * 2097152 + op0 * 524288 + op1 * 65536 + n * 4096 + m * 256 + o2 * 32
}' > "$work/sysreg.s"   # 0xd5000000 | L << 21 | op0 << 19 | op1 << 16 | CRn << 12 | CRm << 8 | op2 << 5
"$AS" -o "$work/sysreg.o" "$work/sysreg.s"
"$OBJDUMP" -d "$work/sysreg.o" > "$work/sysreg.dis"

# named.txt: DIR op0 op1 crn crm op2 NAME    (DIR R = MRS, W = MSR)
awk "$AWK_HEX"'
BEGIN { FS = "\t" }
NF >= 4 && ($3 == "mrs" || $3 == "msr") {
  w = $2; sub(/ +$/, "", w); w = hex(w)
  name = $4
  if ($3 == "mrs") sub(/^x0, /, "", name); else sub(/, x0$/, "", name)
  if (name ~ /^s[0-3]_[0-7]_c[0-9]+_c[0-9]+_[0-7]$/) next
  print (int(w / 2097152) % 2 ? "R" : "W"), int(w / 524288) % 4, int(w / 65536) % 8,
        int(w / 4096) % 16, int(w / 256) % 16, int(w / 32) % 8, toupper(name)
}' "$work/sysreg.dis" > "$work/named.txt"
total_words=$(grep -c '^ *[0-9a-f]*:' "$work/sysreg.dis" || true)
[ "$total_words" -eq 65536 ] || { log "objdump printed $total_words of 65536 words"; exit 2; }

# regs.txt: NAME op0 op1 crn crm op2 DIRS   (one line per name; DIRS = R, W or RW as printed)
awk '{ k = $7 " " $2 " " $3 " " $4 " " $5 " " $6; d[k] = d[k] $1 }
  END { for (k in d) print k, (d[k] ~ /R/ ? "R" : "") (d[k] ~ /W/ ? "W" : "") }' "$work/named.txt" \
  | sort > "$work/regs.txt"
dups=$(awk '{ c[$1]++ } END { for (n in c) if (c[n] > 1) print n }' "$work/regs.txt")
[ -z "$dups" ] || { log "names printed for more than one encoding: $dups"; exit 2; }
log "registers: $(wc -l < "$work/regs.txt") names at $(awk '{ print $2, $3, $4, $5, $6 }' "$work/regs.txt" | sort -u | wc -l) encodings"

# ---------------------------------------------------------------------------------------------
# 2. Access: the assembler's direction warnings, at the maximal -march (armv8-r for names only it knows)

awk '{ n = tolower($1); print "mrs x0, " n; print "msr " n ", x0" }' "$work/regs.txt" > "$work/access.s"
access_run() { # access_run MARCH OUT: OUT gets "index errors readable writable" per name
  assemble "$work/access.s" "$1"
  awk 'FILENAME == ARGV[1] {
      if (match($0, /:[0-9]+: /)) {
        ln = substr($0, RSTART + 1, RLENGTH - 3) + 0; i = int((ln + 1) / 2)
        if ($0 ~ /: Error: /) err[i] = 1
        if ($0 ~ /cannot be read from/) nr[i] = 1
        if ($0 ~ /cannot be written to/) nw[i] = 1
      }
      next }
    { i = FNR; print i, (i in err) ? 1 : 0, (i in nr) ? 0 : 1, (i in nw) ? 0 : 1 }' \
    "$work/access.s.err" "$work/regs.txt" > "$2"
}
access_run "$max" "$work/access.max"
if [ -n "$have_r" ]; then access_run armv8-r "$work/access.r"; else cp "$work/access.max" "$work/access.r"; fi
# access.txt: NAME ACCESS
awk 'FILENAME == ARGV[1] { e1[$1] = $2; r1[$1] = $3; w1[$1] = $4; next }
  FILENAME == ARGV[2] { e2[$1] = $2; r2[$1] = $3; w2[$1] = $4; next }
  { i = FNR
    if (!e1[i]) { r = r1[i]; w = w1[i] } else if (!e2[i]) { r = r2[i]; w = w2[i] } else { r = 0; w = 0 }
    a = (r && w) ? "RW" : (r ? "RO" : (w ? "WO" : "?"))
    print $1, a }' "$work/access.max" "$work/access.r" "$work/regs.txt" > "$work/access.txt"

# printed direction vs assembler direction (DBGDTRRX_EL0 is printed for MRS only and is RO)
awk 'FILENAME == ARGV[1] { a[$1] = $2; next }
  ($7 == "R" && a[$1] == "WO") || ($7 == "W" && a[$1] == "RO") {
    print "sweep-aarch64: note: " $1 " is printed for " ($7 == "R" ? "MRS" : "MSR") " only but the assembler says " a[$1] > "/dev/stderr" }
  a[$1] == "?" { print "sweep-aarch64: warning: no direction for " $1 > "/dev/stderr" }' \
  "$work/access.txt" "$work/regs.txt"

# ---------------------------------------------------------------------------------------------
# 3. Feature of each register name

awk '{ print "mrs x0, " tolower($1) }' "$work/regs.txt" > "$work/regfeat.s"
resolve_features "$work/regfeat.s" "$work/regfeat.txt"

# ---------------------------------------------------------------------------------------------
# 4. Other names: names the assembler accepts but objdump never prints

opcodes_lib=$(ldd "$(command -v "$AS")" 2>/dev/null | awk '/libopcodes/ { print $3; exit }')
strings -n 2 ${opcodes_lib:+"$opcodes_lib"} "$(command -v "$AS")" \
  | grep -x '[a-z][a-z0-9_]*' \
  | awk '{ for (i = 1; i < length($0); i++) { s = substr($0, i); if (s ~ /^[a-z]/) print s } }' \
  | sort -u > "$work/cands.all"
awk '{ print tolower($1) }' "$work/regs.txt" | sort -u > "$work/printed.txt"
comm -23 "$work/cands.all" "$work/printed.txt" > "$work/cands.txt"
awk '{ print "mrs x0, " $0 }' "$work/cands.txt" > "$work/cands.s"
assemble "$work/cands.s" "$max"; error_lines "$work/cands.s.err" > "$work/cands.bad.max"
if [ -n "$have_r" ]; then
  assemble "$work/cands.s" armv8-r; error_lines "$work/cands.s.err" > "$work/cands.bad.r"
else cp "$work/cands.bad.max" "$work/cands.bad.r"; fi
# extras.txt: NAME MARCH
# Names only armv8-r accepts (VSCTLR_EL2) are Armv8-R registers, not other names of A-profile ones.
awk -v max="$max" -v r=none 'FILENAME == ARGV[1] { b1[$1]; next } FILENAME == ARGV[2] { b2[$1]; next }
  !(FNR in b1) { print $0, max; next } !(FNR in b2) && r != "none" { print $0, r }' \
  "$work/cands.bad.max" "$work/cands.bad.r" "$work/cands.txt" > "$work/extras.txt"
: > "$work/other.txt"   # other.txt: ROWNAME OTHERNAME
if [ -s "$work/extras.txt" ]; then
  for a in $(awk '{ print $2 }' "$work/extras.txt" | sort -u); do
    awk -v a="$a" '$2 == a { print "mrs x0, " $1; print "msr " $1 ", x0" }' "$work/extras.txt" > "$work/extra.s"
    assemble "$work/extra.s" "$a"
    "$OBJDUMP" -d "$work/extra.s.o" > "$work/extra.dis"
    awk -v a="$a" 'FILENAME == ARGV[1] {
        if (match($0, /:[0-9]+: /)) { ln = substr($0, RSTART + 1, RLENGTH - 3) + 0
          if ($0 ~ /cannot be read from|cannot be written to/) warn[ln] = 1 }
        next }
      FILENAME == ARGV[2] { if ($2 == a) name[++n] = $1; next }
      { split($0, f, "\t"); if (f[3] != "mrs" && f[3] != "msr") next
        p = f[4]; if (f[3] == "mrs") sub(/^x0, /, "", p); else sub(/, x0$/, "", p)
        ln = ++k; i = int((ln + 1) / 2)
        if (!(ln in warn) && !(i in got)) { got[i] = 1; print toupper(p), toupper(name[i]) } }' \
      "$work/extra.s.err" "$work/extras.txt" "$work/extra.dis" >> "$work/other.txt"
  done
fi
awk '$1 ~ /^S[0-3]_[0-7]_C[0-9]+_C[0-9]+_[0-7]$/ {
  print "sweep-aarch64: warning: " $2 " assembles to " $1 ", which objdump does not name; not in the table" > "/dev/stderr" }' \
  "$work/other.txt"
sort -u -o "$work/other.txt" "$work/other.txt"

# ---------------------------------------------------------------------------------------------
# 5. SYS sweep: system instructions objdump names

awk 'BEGIN {
  for (r = 0; r < 2; r++) for (op1 = 0; op1 < 8; op1++) for (n = 0; n < 16; n++)
  for (m = 0; m < 16; m++) for (o2 = 0; o2 < 8; o2++)
    printf ".inst 0x%08x\n", 3574071296 + op1 * 65536 + n * 4096 + m * 256 + o2 * 32 + (r ? 31 : 0)
}' > "$work/sys.s"   # 0xd5080000 | op1 << 16 | CRn << 12 | CRm << 8 | op2 << 5 | Rt
"$AS" -o "$work/sys.o" "$work/sys.s"
"$OBJDUMP" -d "$work/sys.o" > "$work/sys.dis"
# insns.txt: OP NAME op1 crn crm op2 OPERAND
awk "$AWK_HEX"'
BEGIN { FS = "\t" }
NF >= 4 && $3 != "sys" {
  w = $2; sub(/ +$/, "", w); w = hex(w); rt = w % 32
  name = $4; reg = "-"
  if (name ~ /, /) { reg = name; sub(/^[^,]*, /, "", reg); sub(/, .*/, "", name) }
  k = toupper($3) " " toupper(name) " " int(w / 65536) % 8 " " int(w / 4096) % 16 " " int(w / 256) % 16 " " int(w / 32) % 8
  if (rt == 0) zero[k] = reg; else xzr[k] = reg
}
END {
  for (k in zero) {
    if (zero[k] == "x0" && xzr[k] == "xzr") op = "Xt"
    else if (zero[k] == "-" && xzr[k] == "-") op = "none"
    else { op = "?"; print "sweep-aarch64: warning: " k " prints Rt=0 as " zero[k] " and Rt=31 as " xzr[k] > "/dev/stderr" }
    print k, op
  }
}' "$work/sys.dis" | sort > "$work/insns.txt"
log "instructions: $(wc -l < "$work/insns.txt")"
awk '{ l = tolower($1) " " tolower($2); if ($7 != "none") l = l ", x0"; print l }' "$work/insns.txt" > "$work/insfeat.s"
resolve_features "$work/insfeat.s" "$work/insfeat.txt"

# ---------------------------------------------------------------------------------------------
# 6. Write the tables

# el for a register: name suffix, else op1.
# shellcheck disable=SC2016
AWK_EL='function el_op1(op1) { return (op1 == 3) ? 0 : (op1 == 4 || op1 == 5) ? 2 : (op1 == 6) ? 3 : 1 }
function el_suffix(name) {
  if (name ~ /^SP_EL[0-2]$/) return -1   # SP_ELn is accessible from EL(n+1) only: op1 says so
  if (name ~ /_EL(12|02)$/) return 2
  if (name ~ /_EL[0-3]$/) return substr(name, length(name), 1) + 0
  return -1 }'

# header FILE: the checked-in table's comment block (every line before its column line), which documents the
# hand-curated columns and later rows and is kept by hand like them; nothing when the table is new, and the
# caller then writes its own.
header() {
  [ -f "$1" ] || return 1
  awk '/^# (name|op)\t|^# (name|op) +(op0|name) / { exit } /^#/ { print; next } { exit }' "$1"
}

# existing hand-curated traps, by key
old_traps() { # old_traps FILE KEYFIELDS TRAPSFIELD NFIELDS
  [ -f "$1" ] || return 0
  awk -v kf="$2" -v tf="$3" -v nf="$4" '/^#/ || NF == 0 { next }
    NF != nf { print "sweep-aarch64: warning: " FILENAME ":" FNR ": " NF " columns, expected " nf "; traps not kept" > "/dev/stderr"; next }
    { k = $1; if (kf == 2) k = k " " $2; print k "\t" $tf }' "$1"
}

# align: pad every column of the data (tab-separated) to its widest value, two spaces apart
align() {
  awk 'BEGIN { FS = "\t" }
    { for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } nf[NR] = NF; n = NR }
    END { for (r = 1; r <= n; r++) { line = ""
            for (i = 1; i <= nf[r]; i++) {
              if (i < nf[r]) line = line sprintf("%-" (w[i] + 2) "s", c[r, i]); else line = line c[r, i] }
            print line } }'
}

# Rows of later sources, shared by both tables: a row whose last column (source) is not `-` is one this
# binutils does not know, kept as it is.
#
# later_rows FILE NF NAMEFIELDS ENCFIELDS: FILE's rows of later sources (NF columns), each as its sort key (the
# encoding fields, numerically, then the name), a tab, and its cells tab-separated.
later_rows() {
  [ -f "$1" ] || return 0
  awk -v nf="$2" -v names="$3" -v encs="$4" 'BEGIN { nn = split(names, nm, " "); ne = split(encs, en, " ") }
    /^#/ || NF == 0 { next }
    NF == nf && $nf != "-" { key = ""; for (i = 1; i <= ne; i++) key = key sprintf("%d ", $en[i])
      for (i = 1; i <= nn; i++) key = key (i > 1 ? " " : "") $nm[i]
      printf "%s", key; for (i = 1; i <= nf; i++) printf "\t%s", $i; print "" }' "$1"
}

# later_conflicts LATERROWS KNOWN NAMEFIELDS ENCFIELDS: fail (status 1, the errors on stderr) when the swept
# KNOWN (one name and encoding a line, at NAMEFIELDS and ENCFIELDS) names a later row, or names its encoding.
later_conflicts() {
  awk -v names="$3" -v encs="$4" 'BEGIN { nn = split(names, nm, " "); ne = split(encs, en, " ") }
    function name(  i, s) { s = ""; for (i = 1; i <= nn; i++) s = s (i > 1 ? " " : "") $nm[i]; return s }
    function enc(  i, s) { s = ""; for (i = 1; i <= ne; i++) s = s (i > 1 ? " " : "") ($en[i] + 0); return s }
    FILENAME == ARGV[1] { split($0, t, "\t"); $0 = substr($0, index($0, "\t") + 1); gsub(/\t/, " ")
      later[name()] = 1; at[enc()] = name(); next }
    (name() in later) { print "sweep-aarch64: error: " name() " is a row of a later source, but this binutils knows it"; bad = 1 }
    (enc() in at) { print "sweep-aarch64: error: this binutils names " name() " at the encoding of the later row " at[enc()]; bad = 1 }
    END { exit bad }' "$1" "$2" >&2
}

write_registers() { # write_registers OUT TRAPSFROM
  old_traps "$2" 1 11 13 > "$work/reg.traps"
  later_rows "$2" 13 "1" "2 3 4 5 6" > "$work/later.rows"
  later_conflicts "$work/later.rows" "$work/regs.txt" "1" "2 3 4 5 6" || exit 1
  {
    header "$2" || cat <<EOF
# aarch64-registers.table - every AArch64 System register name (MRS/MSR, op0 = 2 or 3) that
# GNU binutils knows, one row per name.
#
# Source: $binutils_version sweep by tools/architecture/sweep-aarch64.sh
# (aarch64-linux-gnu-as and aarch64-linux-gnu-objdump); el and width: the Arm Architecture
# Reference Manual (DDI 0487); traps: hand-curated from the Arm ARM (DDI 0487).
# Generated: rebuild with tools/architecture/sweep-aarch64.sh, verify with --check. Edit only
# the traps column by hand; a rebuild keeps it (by name) and regenerates everything else.
#
# Columns:
#   name         the name objdump prints for the encoding (upper case). An encoding that objdump
#                names differently for MRS and MSR gives two rows (DBGDTRRX_EL0 RO, DBGDTRTX_EL0 WO).
#   op0 op1 crn crm op2
#                the encoding fields, decimal.
#   width        64: every AArch64 System register is 64 bits wide, and MRS/MSR move 64 bits.
#   access       RW, RO or WO: RO when \`as\` warns "cannot be written to" for \`msr NAME, x0\`, WO
#                when it warns "cannot be read from" for \`mrs x0, NAME\`. (objdump prints the name
#                for both directions, so it cannot tell.)
#   el           the lowest Exception level that may access the register: from the name suffix
#                (_EL0 0, _EL1 1, _EL2 2, _EL12 and _EL02 2, _EL3 3); with no suffix, and for
#                SP_EL0..SP_EL2 (which only the next Exception level up may move), from op1
#                (0, 1, 2, 7: 1; 3: 0; 4, 5: 2; 6: 3).
#   feature      the lowest -march that assembles the name: - armv8-a; ArmvX.Y armvX.Y-a;
#                FEAT_x (or +flag) armv8-a+flag (else the highest armv9 level + flag);
#                (names only armv8-r accepts are Armv8-R registers and are left out).
#   traps        hand-curated. Armv8.0 HCR_EL2 controls and CNTHCTL_EL2 (HCR_EL2.E2H = 0) bits
#                that trap EL1/EL0 accesses to EL2, as CONTROL:r, :w or :rw (reads, writes,
#                both), comma-separated; - for none listed. Includes the accesses the same
#                controls trap when a later feature adds the register.
#   other_names  further names \`as\` accepts for the same encoding that objdump never prints,
#                comma-separated, upper case; - for none.
#   source       - for a row of this sweep. Otherwise the later sources of a register this binutils
#                does not know: linux (Linux arch/arm64/tools/sysreg), binutils (binutils-gdb master
#                opcodes/aarch64-sys-regs.def), or both (linux,binutils); written, with every other
#                column of such rows, by tools/architecture/extract-later-registers.py, which says
#                how each column is derived. The sweep keeps those rows and fails if it knows one.
#
EOF
    awk "$AWK_EL"'
      FILENAME == ARGV[1] { split($0, t, "\t"); traps[t[1]] = t[2]; next }
      FILENAME == ARGV[2] { acc[$1] = $2; next }
      FILENAME == ARGV[3] { feat[FNR] = $1; next }
      FILENAME == ARGV[4] { if ($1 in o) o[$1] = o[$1] "," $2; else o[$1] = $2; next }
      { name = $1; el = el_suffix(name); if (el < 0) el = el_op1($3)
        tr = (name in traps) ? traps[name] : "-"
        on = (name in o) ? o[name] : "-"
        if (feat[FNR] == "Armv8-R") next   # Armv8-R (MPU) registers share A-profile encodings: not in an A-profile table
        # CNTFRQ_EL0 is writable only at the highest implemented Exception level, which EL1 under an EL2 never is
        # (the Arm ARM; binutils accepts the MSR): RO, as its AArch32 view CNTFRQ is.
        if (name == "CNTFRQ_EL0") acc[name] = "RO"
        printf "%d %d %d %d %d %s\t%s\t%s\t%s\t%s\t%s\t%s\t64\t%s\t%s\t%s\t%s\t%s\t-\n",
          $2, $3, $4, $5, $6, name, name, $2, $3, $4, $5, $6, acc[name], el, feat[FNR], tr, on
      }' "$work/reg.traps" "$work/access.txt" "$work/regfeat.txt" "$work/other.txt" "$work/regs.txt" \
      | cat - "$work/later.rows" \
      | sort -k1,1n -k2,2n -k3,3n -k4,4n -k5,5n -k6,6 | cut -f2- > "$work/reg.rows"
    { printf '# name\top0\top1\tcrn\tcrm\top2\twidth\taccess\tel\tfeature\ttraps\tother_names\tsource\n'
      cat "$work/reg.rows"; } | align
  } > "$1"
  awk 'FILENAME == ARGV[1] { split($0, t, "\t"); if (t[2] != "-") keep[t[1]] = t[2]; next }
    /^#/ { next } { seen[$1] }
    END { for (k in keep) if (!(k in seen)) print "sweep-aarch64: warning: " k " is gone; its traps (" keep[k] ") were dropped" > "/dev/stderr" }' \
    "$work/reg.traps" "$1"
}

write_instructions() { # write_instructions OUT TRAPSFROM
  old_traps "$2" 2 10 11 > "$work/ins.traps"
  later_rows "$2" 11 "1 2" "3 4 5 6" > "$work/ins.later"
  later_conflicts "$work/ins.later" "$work/insns.txt" "1 2" "3 4 5 6" || exit 1
  {
    header "$2" || cat <<EOF
# aarch64-instructions.table - the AArch64 system instructions (SYS, op0 = 1) that GNU binutils
# prints by name: DC, IC, TLBI, AT and the prediction restriction CFP/DVP/CPP RCTX; and (source armarm)
# the later ones it does not know: the nXS TLBIs, AT S1E*A, BRB IALL/INJ, COSP RCTX, DC *PS and *OC,
# and the Guarded Control Stack's (GCSPUSHM, GCSPOPM, GCSSS1, GCSSS2, GCSPUSHX, GCSPOPX, GCSPOPCX).
#
# Source: $binutils_version sweep by tools/architecture/sweep-aarch64.sh
# (aarch64-linux-gnu-as and aarch64-linux-gnu-objdump); el: the Arm Architecture Reference
# Manual (DDI 0487); traps: hand-curated from the Arm ARM (DDI 0487).
# Generated: rebuild with tools/architecture/sweep-aarch64.sh, verify with --check. Edit only
# the traps column by hand; a rebuild keeps it (by op and name) and regenerates everything else.
#
# Columns:
#   op name      the alias objdump prints (upper case), e.g. DC CIVAC; an instruction the Arm ARM names
#                in one word (GCSPUSHM) has it in op and - as its name.
#   op1 crn crm op2
#                the encoding fields, decimal (op0 = 1; SYS word 0xd5080000 | op1 << 16 |
#                CRn << 12 | CRm << 8 | op2 << 5 | Rt).
#   operand      Xt when the instruction takes a register (objdump prints ", x0" for Rt = 0);
#                none when it has none: objdump prints no register for any Rt (Rt = 0 and
#                Rt = 31 alike) and \`as\` rejects one ("extraneous register"); result for an alias
#                of SYSL (L 1), which writes its result to Xt: GCSPOPM and GCSSS2 (a trap of one
#                reports Direction 1; a SYS word at its encoding, or a SYSL at a SYS alias's, is
#                UNDEFINED, as no instruction has it).
#   el           the lowest Exception level that may execute it, from op1 (0: 1; 3: 0; 4: 2;
#                6: 3): EL0 forms still depend on SCTLR_EL1 enables (UCI, DZE, EnRCTX).
#   feature      the lowest -march that assembles it: - armv8-a; ArmvX.Y armvX.Y-a;
#                FEAT_x (or +flag) armv8-a+flag (else the highest armv9 level + flag).
#   traps        hand-curated. Armv8.0 HCR_EL2 controls that trap EL1/EL0 execution to EL2,
#                as CONTROL:w; - for none listed. Includes the instructions the same controls
#                trap when a later feature adds them (DC CVAP, DC CVADP, the MTE DC forms).
#                HCR_EL2.NV is every el 2 row's first rule, NV:w, which the generator adds (D24.2.62: the
#                EL2 regime's AT and TLBI, and the EL1 regime's that only EL2 and EL3 may execute); CFP, DVP,
#                CPP and COSP RCTX, el 0, write NV:w, as their EL1 pseudocode checks it before HFGITR_EL2.
#   source       - for a row of this sweep. armarm for an instruction this binutils does not know,
#                from the Arm ARM (DDI 0487 M.a.a) alone: the nXS TLBIs (FEAT_XS), each at its
#                TLBI's encoding with CRn 9 (C5.5), operand as its TLBI's, traps from its EL1
#                pseudocode (HCR_EL2.TTLB, TTLBIS, TTLBOS; the HFGITR_EL2 fields, which
#                HCRX_EL2.FGTnXS qualifies, join from fine-grained-traps.table). Cross-checked with
#                LLVM's llvm/test/MC/AArch64/armv8.7a-xs.s (all of them) and Linux's
#                arch/arm64/include/asm/sysreg.h OP_TLBI_*NXS (the EL1 ones). Left out: TLBI
#                VMALLWS2E1NXS and its IS and OS forms (FEAT_TLBIW), as their TLBIs are. And the System
#                instructions the fine-grained trap fields name that binutils 2.40 does not know, each
#                from its Arm ARM page (encoding table, "present only when", EL1 pseudocode): AT S1E1A,
#                S1E2A, S1E3A (FEAT_ATS1A, C5.4.7, 12, 15; S1E1A traps under HCR_EL2.AT), BRB IALL and
#                INJ (FEAT_BRBE, C5.7; no coarse control: only HFGITR_EL2.nBRBIALL, nBRBINJ), COSP RCTX
#                (FEAT_SPECRES2, C5.6.2; NV:w as CFP RCTX), DC CIVAPS, CIGDVAPS (FEAT_PoPS, C5.3.23, 15)
#                and DC CVAOC, CGDVAOC, CIVAOC, CIGDVAOC (FEAT_OCCMO, C5.3.27, 4, 22, 14), which
#                HCR_EL2.TPCP (TrapGen's TPC, bit 23) traps; feature is the FEAT_ that makes each exist
#                (register-requirements.table adds FEAT_MTE or FEAT_MTE2 for the tag forms).
#                Cross-checked with Linux's arch/arm64/include/asm/sysreg.h (OP_AT_S1E1A, OP_BRB_IALL,
#                OP_BRB_INJ, OP_COSP_RCTX, SYS_DC_CIVAPS, SYS_DC_CIGDVAPS) and an LLVM MC test of
#                +occmo (the DC *OC words). The Guarded Control Stack's System instructions (FEAT_GCS,
#                C5.9.1-7; one-word names, "-" in the name column): GCSPUSHX, GCSPOPCX and GCSPOPX (op1 0,
#                EL1; Rt should be 0b11111, otherwise CONSTRAINED UNPREDICTABLE: UNDEFINED or as if 0b11111,
#                which TrapGen takes, as "none" does), GCSPUSHM and GCSSS1 (SYS, Xt), GCSPOPM and GCSSS2
#                (SYSL, result) at op1 3, EL0's too; their traps at EL1 are their pseudocode's: GCSPUSHM
#                checks the guest's GCSCR_EL1.PUSHMEn (to EL1) and then HFGITR_EL2.nGCSPUSHM_EL1, GCSPUSHX
#                and GCSPOPCX the guest's PSTATE.EXLOCK (an EXLOCK exception, to EL1) and then
#                HFGITR_EL2.nGCSEPP, which join from fine-grained-traps.table; GCSPOPX, GCSPOPM, GCSSS1
#                and GCSSS2 have no trap to EL2. Words cross-checked with LLVM's
#                llvm/test/MC/AArch64/gcs.s (gcspushx 0xd508779f, gcspushm x25 0xd50b7719, gcspopm
#                0xd52b773f, gcsss2 x22 0xd52b7776, ...) and Linux's sysreg.h (OP_GCSPUSHX, OP_GCSPOPCX,
#                OP_GCSPOPX, OP_GCSPUSHM). The sweep keeps these rows and fails if it knows one (its name
#                or its encoding).
#
EOF
    awk "$AWK_EL"'
      FILENAME == ARGV[1] { split($0, t, "\t"); traps[t[1]] = t[2]; next }
      FILENAME == ARGV[2] { feat[FNR] = $1; next }
      { k = $1 " " $2; tr = (k in traps) ? traps[k] : "-"
        printf "%d %d %d %d %s %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\n",
          $3, $4, $5, $6, $1, $2, $1, $2, $3, $4, $5, $6, $7, el_op1($3), feat[FNR], tr
      }' "$work/ins.traps" "$work/insfeat.txt" "$work/insns.txt" \
      | cat - "$work/ins.later" \
      | sort -k1,1n -k2,2n -k3,3n -k4,4n | cut -f2- > "$work/ins.rows"
    { printf '# op\tname\top1\tcrn\tcrm\top2\toperand\tel\tfeature\ttraps\tsource\n'
      cat "$work/ins.rows"; } | align
  } > "$1"
  awk 'FILENAME == ARGV[1] { split($0, t, "\t"); if (t[2] != "-") keep[t[1]] = t[2]; next }
    /^#/ { next } { seen[$1 " " $2] }
    END { for (k in keep) if (!(k in seen)) print "sweep-aarch64: warning: " k " is gone; its traps (" keep[k] ") were dropped" > "/dev/stderr" }' \
    "$work/ins.traps" "$1"
}

summary() { # summary REGTABLE INSTABLE
  awk '/^#/ { next } { n++; a[$8]++ } END { printf "sweep-aarch64: %d register rows:", n
    for (k in a) printf " %s %d", k, a[k]; print "" }' "$1" >&2
  awk '/^#/ { next } $12 != "-" { printf "sweep-aarch64: other names of %s: %s\n", $1, $12 }' "$1" >&2
  awk '/^#/ { next } $13 != "-" { n++ } END { printf "sweep-aarch64: %d rows of later sources kept\n", n }' "$1" >&2
  awk '/^#/ { next } { n++; o[$7]++ } END { printf "sweep-aarch64: %d instruction rows:", n
    for (k in o) printf " %s %d", k, o[k]; print "" }' "$2" >&2
  awk '/^#/ { next } $11 != "-" { n++ } END { printf "sweep-aarch64: %d instruction rows of later sources kept\n", n }' "$2" >&2
  awk '/^#/ { next } $10 == "?" { print "sweep-aarch64: warning: no -march assembles " $1 }' "$1" >&2
  awk '/^#/ { next } $9 == "?" { print "sweep-aarch64: warning: no -march assembles " $1 " " $2 }' "$2" >&2
}

# the comparable form of a table: comments as they are, data rows with the traps column
# blanked and whitespace squeezed
comparable() { # comparable FILE TRAPSFIELD
  awk -v tf="$2" '/^#/ { print; next } { $tf = "*"; print }' "$1"
}

if [ "$mode" = build ]; then
  mkdir -p "$tables"
  write_registers "$work/registers.table" "$reg_table"
  write_instructions "$work/instructions.table" "$ins_table"
  summary "$work/registers.table" "$work/instructions.table"
  cp "$work/registers.table" "$reg_table"
  cp "$work/instructions.table" "$ins_table"
  log "wrote ${reg_table#"$repo"/} and ${ins_table#"$repo"/}"
else
  status=0
  for f in "$reg_table" "$ins_table"; do
    [ -f "$f" ] || { log "missing ${f#"$repo"/}"; status=1; }
  done
  [ "$status" -eq 0 ] || exit 1
  write_registers "$work/registers.table" "$reg_table"
  write_instructions "$work/instructions.table" "$ins_table"
  summary "$work/registers.table" "$work/instructions.table"
  comparable "$reg_table" 11 > "$work/reg.old"; comparable "$work/registers.table" 11 > "$work/reg.new"
  comparable "$ins_table" 10 > "$work/ins.old"; comparable "$work/instructions.table" 10 > "$work/ins.new"
  if ! diff -u --label "${reg_table#"$repo"/}" --label "fresh sweep" "$work/reg.old" "$work/reg.new"; then status=1; fi
  if ! diff -u --label "${ins_table#"$repo"/}" --label "fresh sweep" "$work/ins.old" "$work/ins.new"; then status=1; fi
  if [ "$status" -eq 0 ]; then log "check passed: the tables match $binutils_version"
  else log "check failed: the checked-in tables differ from the sweep (traps column ignored)"; fi
  exit "$status"
fi

"""Writes the tables of krait's `unicodedata` module (run by krait-modules' build.rs).

usage: python3.11 gen_tables.py OUT_DIR

Why this source: CPython 3.11's `unicodedata` must answer from Unicode 14.0.0
exactly (test_unicodedata checksums every code point), and python3.11 is
already a build dependency of krait (its stdlib is found through it). Asking
that interpreter's own `unicodedata` for every code point's properties gives
exactly its answers, with nothing copied and no Unicode files to pin; crates
on crates.io track newer Unicode versions. The tables are compact: a
two-level index per database (current and 3.2.0) into a few hundred distinct
records, names as word indices into a lexicon, all as binary blobs that the
Rust side includes with `include_bytes!`.

Aliases and named sequences cannot be enumerated through `unicodedata`, so
they come from the small UCD 14.0.0 lists beside this script, each checked here
against python3.11's `lookup`.
"""
import os
import re
import struct
import sys
import unicodedata as U

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
assert U.unidata_version == "14.0.0"
O = U.ucd_3_2_0
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1]
SHIFT = 7
MAXCP = 0x110000

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Lm", "Lo", "Pc",
              "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"]
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES",
        "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI",
        "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
TAGS = [""]                      # decomposition tags; "" = canonical

decomp_data = [0]                # u32 pool; offset 0 = no decomposition
decomp_index = {"": 0}
numeric_vals = [None]            # (decimal, digit, numeric); 0 = none
numeric_index = {None: 0}
records = []
record_index = {}


def decomp_ref(s):
    if s in decomp_index:
        return decomp_index[s]
    parts = s.split()
    tag = ""
    if parts[0].startswith("<"):
        tag = parts.pop(0)
    if tag not in TAGS:
        TAGS.append(tag)
    off = len(decomp_data)
    decomp_data.append((TAGS.index(tag) << 8) | len(parts))
    decomp_data.extend(int(p, 16) for p in parts)
    decomp_index[s] = off
    return off


def record_of(db, c):
    dec = db.decimal(c, None)
    dig = db.digit(c, None)
    num = db.numeric(c, None)
    key = None if dec is None and dig is None and num is None else (dec, dig, num)
    if key not in numeric_index:
        numeric_index[key] = len(numeric_vals)
        numeric_vals.append(key)
    rec = (CATEGORIES.index(db.category(c)), BIDI.index(db.bidirectional(c)),
           db.combining(c), EAW.index(db.east_asian_width(c)), db.mirrored(c),
           decomp_ref(db.decomposition(c)), numeric_index[key])
    if rec not in record_index:
        record_index[rec] = len(records)
        records.append(rec)
    return record_index[rec]


def two_level(values):
    """(index1, index2) with blocks of 1 << SHIFT shared when equal."""
    size = 1 << SHIFT
    blocks = {}
    index1, index2 = [], []
    for b in range(0, len(values), size):
        block = tuple(values[b:b + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    return index1, index2


def write(name, fmt, values):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<%d%s" % (len(values), fmt), *values))


cur = []
old = []
for cp in range(MAXCP):
    c = chr(cp)
    cur.append(record_of(U, c))
    old.append(record_of(O, c))
assert len(records) < 65536
for name, values in (("cur", cur), ("old", old)):
    i1, i2 = two_level(values)
    write(f"index1_{name}.bin", "H", i1)
    write(f"index2_{name}.bin", "H", i2)
write("decomp.bin", "I", decomp_data)

# Primary composites: a canonical pair that NFC puts back together.
compose = []
for cp in range(MAXCP):
    d = U.decomposition(chr(cp))
    if d and not d.startswith("<"):
        parts = [int(p, 16) for p in d.split()]
        if len(parts) == 2 and U.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(cp):
            compose.append(((parts[0] << 21) | parts[1], cp))
compose.sort()
write("compose_keys.bin", "Q", [k for k, _ in compose])
write("compose_vals.bin", "I", [v for _, v in compose])


# 3.2.0 normalization: decompositions as today's, none for characters that 3.2
# did not assign, plus the corrections Unicode made since (found by comparing
# that model with python3.11's ucd_3_2_0.normalize).
def model_nfd32(cp):
    out = []
    stack = [cp]
    while stack:
        x = stack.pop()
        if 0xAC00 <= x < 0xAC00 + 11172 or O.category(chr(x)) == "Cn":
            out.append(x)   # Hangul is left to the normalizer's own rule
            continue
        d = U.decomposition(chr(x))
        if not d or d.startswith("<"):
            out.append(x)
            continue
        stack.extend(reversed([int(p, 16) for p in d.split()]))
    return out


corrections = []
for cp in range(MAXCP):
    if 0xAC00 <= cp < 0xAC00 + 11172:
        continue
    want = [ord(x) for x in O.normalize("NFD", chr(cp))]
    got = model_nfd32(cp)
    if want != got:
        assert len(want) == 1, hex(cp)
        corrections.append((cp, want[0]))
assert len(corrections) < 20, corrections
write("norm32_keys.bin", "I", [k for k, _ in corrections])
write("norm32_vals.bin", "I", [v for _, v in corrections])

# Names. Hangul syllables and unified ideographs are algorithmic; every other
# name is a run of words: a u16 per word (its lexicon index, bit 15 when a
# hyphen rather than a space follows it).
named = []
cjk = []
for cp in range(MAXCP):
    n = U.name(chr(cp), None)
    if n is None or n.startswith("HANGUL SYLLABLE "):
        continue
    if n.startswith("CJK UNIFIED IDEOGRAPH-"):
        if cjk and cjk[-1][1] == cp - 1:
            cjk[-1][1] = cp
        else:
            cjk.append([cp, cp])
        continue
    named.append((cp, n))
lexicon = {}
words_blob = bytearray()
word_offsets = []
phrase = []
name_starts = []
for cp, n in named:
    name_starts.append(len(phrase))
    parts = re.split(r"([ -])", n)
    for i in range(0, len(parts), 2):
        w = parts[i]
        if w not in lexicon:
            lexicon[w] = len(word_offsets)
            word_offsets.append(len(words_blob))
            words_blob += w.encode("ascii")
        tok = lexicon[w]
        assert tok < 0x8000
        if i + 1 < len(parts) and parts[i + 1] == "-":
            tok |= 0x8000
        phrase.append(tok)
name_starts.append(len(phrase))
word_offsets.append(len(words_blob))
with open(os.path.join(OUT, "words.bin"), "wb") as f:
    f.write(words_blob)
write("word_offsets.bin", "I", word_offsets)
write("phrase.bin", "H", phrase)
write("named_cps.bin", "I", [cp for cp, _ in named])
write("name_starts.bin", "I", name_starts)
order = sorted(range(len(named)), key=lambda i: named[i][1])
write("name_order.bin", "I", order)

# Aliases and named sequences, sorted by name for binary search.
aliases = []
for line in open(os.path.join(HERE, "aliases.txt")):
    if line.startswith("#") or not line.strip():
        continue
    cp, name = line.strip().split(";")
    assert U.lookup(name) == chr(int(cp, 16)), name
    aliases.append((name, int(cp, 16)))
aliases.sort()
sequences = []
for line in open(os.path.join(HERE, "named_sequences.txt")):
    if line.startswith("#") or not line.strip():
        continue
    name, seq = line.strip().split(";")
    cps = [int(h, 16) for h in seq.split()]
    assert U.lookup(name) == "".join(map(chr, cps)), name
    sequences.append((name, cps))
sequences.sort()


def rs_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


with open(os.path.join(OUT, "unicodedata_tables.rs"), "w") as f:
    w = f.write
    w("// Generated by interpreter/modules/src/unicodedata/gen_tables.py from python3.11's unicodedata.\n")
    w(f"pub const SHIFT: u32 = {SHIFT};\n")
    w("pub static CATEGORIES: [&str; %d] = [%s];\n" % (len(CATEGORIES), ", ".join(map(rs_str, CATEGORIES))))
    w("pub static BIDI: [&str; %d] = [%s];\n" % (len(BIDI), ", ".join(map(rs_str, BIDI))))
    w("pub static EAW: [&str; %d] = [%s];\n" % (len(EAW), ", ".join(map(rs_str, EAW))))
    w("pub static TAGS: [&str; %d] = [%s];\n" % (len(TAGS), ", ".join(map(rs_str, TAGS))))
    w("/// (category, bidirectional, combining, east_asian_width, mirrored, decomposition offset, numeric index)\n")
    w("pub static RECORDS: [(u8, u8, u8, u8, u8, u32, u16); %d] = [\n" % len(records))
    for r in records:
        w("    (%d, %d, %d, %d, %d, %d, %d),\n" % r)
    w("];\n")
    w("/// (decimal, digit, numeric): -1 or NaN where absent\n")
    w("pub static NUMERIC: [(i8, i8, f64); %d] = [\n" % len(numeric_vals))
    for v in numeric_vals:
        if v is None:
            w("    (-1, -1, f64::NAN),\n")
        else:
            dec, dig, num = v
            w("    (%d, %d, %s),\n" % (-1 if dec is None else dec, -1 if dig is None else dig,
                                     "f64::NAN" if num is None else "%r_f64" % num))
    w("];\n")
    w("pub static CJK_RANGES: [(u32, u32); %d] = [%s];\n" % (
        len(cjk), ", ".join("(0x%X, 0x%X)" % tuple(r) for r in cjk)))
    w("pub static ALIASES: [(&str, u32); %d] = [\n" % len(aliases))
    for name, cp in aliases:
        w("    (%s, 0x%X),\n" % (rs_str(name), cp))
    w("];\n")
    w("pub static NAMED_SEQUENCES: [(&str, &[u32]); %d] = [\n" % len(sequences))
    for name, cps in sequences:
        w("    (%s, &[%s]),\n" % (rs_str(name), ", ".join("0x%X" % c for c in cps)))
    w("];\n")

"""Dumps the mappings of CPython's table-driven CJK codecs for krait's
native `_codecs_*` modules, by asking python3.11's own codecs (run by
build.rs; argument: the output folder).

For each codec one blob `cjk_<name>.bin` (zlib-compressed, see write_blob)
of little-endian u32 words:
  header: n_nodes, n_multi, n_runs, n_blocks, n_pairs, n_special
  decode trie: n_nodes * 256 entries; node 0 is the first byte.  Entry:
    < 0x110000        the character (consumes the bytes read so far)
    0x8000_0000 | k   more bytes needed: go on in node k
    0x4000_0000 | n   "illegal multibyte sequence", error length n
    0x2000_0000 | i   two characters: multi[2i], multi[2i+1]
    0x1000_0000       gb18030's four-byte form (decoded through runs)
    0x0800_0000       euc_kr's 8-byte make-up sequence (through special)
  multi: 2 * n_multi characters
  runs (gb18030 only): n_runs (start index, first char or 0xFFFFFFFF)
  encode: 0x300 block numbers (one per 256 characters of planes 0-2,
    0xFFFFFFFF = none), then n_blocks * 256 values: 0 unmapped, else
    (len << 24 | bytes) for 1-3 bytes, 0x8000_0000 | gb18030 4-byte index,
    or 0x4000_0000 for euc_kr's make-up sequence
  pairs: n_pairs (first char, second char, value) encoded as one unit,
    sorted; second 0 is the starter alone (see below).
  special (euc_kr only): n_special words: the choseong index of bytes
    0xA1-0xBE (30), then the jongseong index (30), 0xFFFFFFFF for none.
Probing by decoding every prefix records exactly what CPython answers,
error lengths included.
"""
import struct, sys, os, zlib

CODECS = ['shift_jis', 'cp932', 'euc_jp', 'shift_jis_2004', 'euc_jis_2004',
          'euc_jisx0213', 'shift_jisx0213', 'euc_kr', 'cp949', 'johab',
          'gb2312', 'gbk', 'gb18030', 'big5', 'cp950', 'big5hkscs']

NODE, ERR, MULTI, GB4, EUCKR8 = 0x80000000, 0x40000000, 0x20000000, 0x10000000, 0x08000000


def probe(name, data):
    try:
        return ('ok', data.decode(name))
    except UnicodeDecodeError as e:
        if e.reason.startswith('incomplete'):
            return ('few', None)
        assert e.start == 0, (name, data, e)
        return ('err', e.end - e.start)


def enc_value(b):
    if len(b) == 4:
        idx = (b[0] - 0x81) * 12600 + (b[1] - 0x30) * 1260 + (b[2] - 0x81) * 10 + (b[3] - 0x30)
        return 0x80000000 | idx
    if len(b) == 8:
        # euc_kr's make-up sequence for a syllable KS X 1001 lacks: rebuilt
        # from the syllable's jamo and `special`
        assert b[:2] == b'\xa4\xd4' and b[2::2] == b'\xa4\xa4\xa4', b
        return 0x40000000
    assert 1 <= len(b) <= 3, b
    v = 0
    for x in b:
        v = v << 8 | x
    return len(b) << 24 | v


def gen(name):
    nodes = []
    multi = []
    pairs = {}

    def build(prefix):
        k = len(nodes)
        node = [0] * 256
        nodes.append(node)
        for b in range(256):
            seq = prefix + bytes([b])
            if name == 'euc_kr' and seq == b'\xa4\xd4':
                # KS X 1001:1998 Annex 3 make-up sequence: 8 bytes, see `special`
                node[b] = EUCKR8
                continue
            if name == 'gb18030' and len(seq) == 2 and 0x30 <= b <= 0x39:
                r = probe(name, seq)
                assert r[0] == 'few'
                node[b] = GB4
                continue
            kind, v = probe(name, seq)
            if kind == 'ok':
                if len(v) == 1:
                    node[b] = ord(v)
                else:
                    # the decoder consumed the whole sequence for two characters
                    assert len(v) == 2, (name, seq, v)
                    node[b] = MULTI | len(multi) // 2
                    multi.extend(map(ord, v))
                    pairs[v] = seq
            elif kind == 'err':
                node[b] = ERR | v
            else:
                assert len(seq) < 4, (name, seq)
                node[b] = NODE | build(seq)
        return k

    build(b'')
    runs = []
    if name == 'gb18030':
        prev = None
        for idx in range(126 * 10 * 126 * 10):
            b1, r = divmod(idx, 12600)
            b2, r = divmod(r, 1260)
            b3, b4 = divmod(r, 10)
            seq = bytes([b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30])
            try:
                s = seq.decode(name)
                assert len(s) == 1
                c = ord(s)
            except UnicodeDecodeError as e:
                assert e.end - e.start == 1 and e.start == 0
                c = 0xFFFFFFFF
            if prev is not None and (c == prev + 1 if c != 0xFFFFFFFF else prev == c):
                prev = c
                continue
            runs.append((idx, c))
            prev = c
        # an invalid third or fourth byte is a one-byte error
        for seq in (b'\x81\x30\x20\x30', b'\x81\x30\x81\x20'):
            assert probe(name, seq) == ('err', 1)
    blocks = []
    index = [0xFFFFFFFF] * 0x300
    for blk in range(0x300):
        if name == 'gb18030' and blk >= 0x100:
            break  # arithmetic above plane 0
        vals = [0] * 256
        any_ = False
        for lo in range(256):
            c = blk << 8 | lo
            if 0xD800 <= c < 0xE000:
                continue
            try:
                b = chr(c).encode(name)
            except UnicodeEncodeError:
                continue
            vals[lo] = enc_value(b)
            any_ = True
        if any_:
            index[blk] = len(blocks)
            blocks.append(vals)
    if name == 'gb18030':
        # above plane 0 gb18030 is arithmetic (checked here), and nothing else is
        for c in (0x10000, 0x20000, 0x10FFFF):
            b = chr(c).encode(name)
            assert enc_value(b) & 0x7FFFFFFF == 189000 + c - 0x10000, hex(c)
    else:
        for c in (0x30000, 0x3134A, 0x10FFFF):
            try:
                chr(c).encode(name)
                raise AssertionError((name, hex(c)))
            except UnicodeEncodeError:
                pass
    plist = []
    for s, seq in sorted(pairs.items()):
        assert s.encode(name) == seq, (name, s)
        plist.append((ord(s[0]), ord(s[1]), enc_value(seq)))
    # CPython compares a pair's second character truncated to 16 bits, so
    # where the pair table has a starter-alone entry (second 0), U+10000 and
    # the like are swallowed as that: recorded as the pair (c, 0)
    for c in sorted({p[0] for p in plist}):
        try:
            b = (chr(c) + '\U00010000').encode(name)
        except UnicodeEncodeError:
            continue
        plist.append((c, 0, enc_value(b)))
    plist.sort()
    special = []
    if name == 'euc_kr':
        def hangul(cho, jong):
            try:
                return ord(bytes([0xa4, 0xd4, 0xa4, cho, 0xa4, 0xbf, 0xa4, jong]).decode(name)) - 0xAC00
            except UnicodeDecodeError:
                return None
        for c in range(0xa1, 0xbf):
            h = hangul(c, 0xd4)
            special.append(0xFFFFFFFF if h is None else h // 588)
        for c in range(0xa1, 0xbf):
            h = hangul(0xa1, c)
            special.append(0xFFFFFFFF if h is None else h % 28)
        assert hangul(0xa1, 0xd4) == 0
    words = [len(nodes), len(multi) // 2, len(runs), len(blocks), len(plist), len(special)]
    for n in nodes:
        words.extend(n)
    words.extend(multi)
    for r in runs:
        words.extend(r)
    words.extend(index)
    for b in blocks:
        words.extend(b)
    for p in plist:
        words.extend(p)
    words.extend(special)
    return struct.pack('<%dI' % len(words), *words)


def write_blob(name, data):
    # zlib-compressed behind its length: krait inflates a codec's tables on
    # first use, so the binary carries ~1.5 MB instead of ~7 MB
    path = os.path.join(sys.argv[1], 'cjk_%s.bin' % name)
    with open(path + '.tmp', 'wb') as f:
        f.write(struct.pack('<I', len(data)) + zlib.compress(data, 9))
    os.replace(path + '.tmp', path)


def main():
    for name in CODECS:
        write_blob(name, gen(name))




# ---------------------------------------------------------------------------
# ISO-2022: per codec one blob `cjk_<name>.bin`:
#   header: n_charsets, n_decpairs, n_blocks, n_encpairs
#   per charset: mark (final byte, | 0x80 for two-byte sets), width, then
#     96 (width 1) or 96*96 (width 2) entries for bytes 0x20-0x7F: the
#     character, 0xFFFFFFFF unmappable, or 0x8000_0000 | i for decpairs[i]
#   decpairs: 2 * n_decpairs characters
#   g2: 256 entries, what ESC . F ESC N <byte> gives (0xFFFFFFFF error)
#   encode: 0x300 block numbers then blocks as above; a value is
#     mark << 16 | code (0 unmappable)
#   encpairs: n_encpairs (first, second, value)
ISO2022 = {
    'iso2022_kr': ['\xc3'],
    'iso2022_jp': ['\xc2', 'J', '\xc0'],
    'iso2022_jp_1': ['\xc2', '\xc4', 'J', '\xc0'],
    # ISO 8859-1 and -7 ('A', 'F') are G2 sets: only decoded after SS2
    'iso2022_jp_2': ['\xc2', '\xc4', '\xc3', '\xc1', 'J', '\xc0', 'A', 'F'],
    'iso2022_jp_2004': ['\xd1', '\xc2', '\xd0'],
    'iso2022_jp_3': ['\xcf', '\xc2', '\xd0'],
    'iso2022_jp_ext': ['\xc2', '\xc4', 'J', 'I', '\xc0'],
}
BAD = 0xFFFFFFFF


def designate(name, mark):
    if name == 'iso2022_kr':
        return b'\x1b$)C\x0e'
    if mark & 0x80:
        return b'\x1b$(' + bytes([mark & 0x7f])
    return b'\x1b(' + bytes([mark])


def parse_iso(name, b):
    """(mark, code) of one character's encoding from the initial state."""
    g = [0x42, 0x42]
    shifted = False
    i = 0
    code = []
    plane = None
    while i < len(b):
        if b[i] == 0x1b:
            if b[i + 1] == ord('$'):
                if b[i + 2] in b'()':
                    g[b[i + 2] == ord(')')] = b[i + 3] | 0x80
                    i += 4
                else:
                    g[0] = b[i + 2] | 0x80
                    i += 3
            else:
                g[b[i + 1] == ord(')')] = b[i + 2]
                i += 3
        elif b[i] == 0x0e:
            shifted = True
            i += 1
        elif b[i] == 0x0f:
            shifted = False
            i += 1
        else:
            if plane is None:
                plane = g[1] if shifted else g[0]
            code.append(b[i])
            i += 1
    assert plane is not None and len(code) == (2 if plane & 0x80 else 1), (name, b)
    v = 0
    for x in code:
        v = v << 8 | x
    return plane << 16 | v


def gen_iso(name):
    marks = [ord(m) for m in ISO2022[name]]
    words = []
    decpairs = []
    tables = []
    for mark in marks:
        width = 2 if mark & 0x80 else 1
        pre = designate(name, mark)
        ent = []
        if width == 1:
            for b0 in range(0x20, 0x80):
                try:
                    s = (pre + bytes([b0])).decode(name)
                    assert len(s) == 1
                    ent.append(ord(s))
                except UnicodeDecodeError as e:
                    assert e.end - e.start == 1
                    ent.append(BAD)
        else:
            for b0 in range(0x20, 0x80):
                for b1 in range(0x20, 0x80):
                    try:
                        s = (pre + bytes([b0, b1])).decode(name)
                    except UnicodeDecodeError as e:
                        assert e.end - e.start == 2, (name, b0, b1)
                        ent.append(BAD)
                        continue
                    if len(s) == 1:
                        ent.append(ord(s))
                    else:
                        assert len(s) == 2
                        ent.append(0x80000000 | len(decpairs) // 2)
                        decpairs.extend(map(ord, s))
            for b1 in (0x00, 0x0a, 0x1b, 0x80, 0xa1, 0xff):
                try:
                    (pre + bytes([0x30, b1])).decode(name)
                    raise AssertionError((name, b1))
                except UnicodeDecodeError as e:
                    assert e.end - e.start == 2
        tables.append((mark, width, ent))
    g2 = []
    for b in range(256):
        if name != 'iso2022_jp_2':
            g2.append(BAD)
            continue
        try:
            s = (b'\x1b.F\x1bN' + bytes([b])).decode(name)
            assert len(s) == 1
            g2.append(ord(s))
        except UnicodeDecodeError as e:
            assert e.end - e.start == 3
            g2.append(BAD)
    index = [BAD] * 0x300
    blocks = []
    for blk in range(0x300):
        vals = [0] * 256
        any_ = False
        for lo in range(256):
            c = blk << 8 | lo
            if c < 0x80 or 0xD800 <= c < 0xE000:
                continue
            try:
                b = chr(c).encode(name)
            except UnicodeEncodeError:
                continue
            vals[lo] = parse_iso(name, b)
            any_ = True
        if any_:
            index[blk] = len(blocks)
            blocks.append(vals)
    for c in (0x30000, 0x10FFFF):
        try:
            chr(c).encode(name)
            raise AssertionError((name, hex(c)))
        except UnicodeEncodeError:
            pass
    encpairs = []
    for i in range(0, len(decpairs), 2):
        s = chr(decpairs[i]) + chr(decpairs[i + 1])
        encpairs.append((decpairs[i], decpairs[i + 1], parse_iso(name, s.encode(name))))
    for c in sorted({p[0] for p in encpairs}):
        try:
            b = (chr(c) + '\U00010000').encode(name)
        except UnicodeEncodeError:
            continue
        # in the designation that took the pair, which may not be c's own
        encpairs.append((c, 0, parse_iso(name, b)))
    encpairs = sorted(set(encpairs))
    words = [len(tables), len(decpairs) // 2, len(blocks), len(encpairs)]
    for mark, width, ent in tables:
        words.extend([mark, width])
        words.extend(ent)
    words.extend(decpairs)
    words.extend(g2)
    words.extend(index)
    for b in blocks:
        words.extend(b)
    for p in encpairs:
        words.extend(p)
    return struct.pack('<%dI' % len(words), *words)


def main_iso():
    for name in ISO2022:
        write_blob(name, gen_iso(name))


if __name__ == '__main__':
    main()
    main_iso()

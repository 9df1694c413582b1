"""Dumps the mappings of CPython's table-driven CJK codecs for krait's
native `_codecs_*` modules, by asking python3.11's own codecs (run by
build.rs; argument: the output folder).

For each codec one blob `cjk_<name>.bin` of little-endian u32 words:
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
  pairs: n_pairs (first char, second char, value) encoded as one unit.
  special (euc_kr only): n_special words: the choseong index of bytes
    0xA1-0xBE (30), then the jongseong index (30), 0xFFFFFFFF for none.
Probing by decoding every prefix records exactly what CPython answers,
error lengths included.
"""
import struct, sys, os

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


def main():
    out = sys.argv[1]
    for name in CODECS:
        data = gen(name)
        path = os.path.join(out, 'cjk_%s.bin' % name)
        with open(path + '.tmp', 'wb') as f:
            f.write(data)
        os.replace(path + '.tmp', path)


if __name__ == '__main__':
    main()

# bytes/bytearray methods on fixed-seed random inputs: results or error types must match CPython
import_free_rng_state = 12345
def rng():
    global import_free_rng_state
    import_free_rng_state = (import_free_rng_state * 1103515245 + 12345) % (1 << 31)
    return import_free_rng_state
def pick(seq):
    return seq[rng() % len(seq)]
alphabet = b"ab \t\nAB1_-x.\r'\"\xff\x00"
def rand_bytes(n):
    return bytes(pick(alphabet) for _ in range(rng() % n))
def call(obj, name, *args):
    try:
        r = getattr(obj, name)(*args)
        return repr(r)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
names0 = ["upper", "lower", "swapcase", "capitalize", "title", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "expandtabs", "hex"]
names1 = ["count", "find", "rfind", "index", "rindex", "startswith", "endswith", "split", "rsplit", "partition", "rpartition", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix", "center", "ljust", "rjust", "zfill", "expandtabs", "join", "splitlines"]
for i in range(400):
    kind = pick([bytes, bytearray])
    s = kind(rand_bytes(12))
    n = pick([0, 1, 1, 2])
    if n == 0:
        name = pick(names0)
        print(i, name, call(s, name))
    else:
        name = pick(names1)
        arg = pick([rand_bytes(3), rand_bytes(2), rng() % 20 - 5, bytearray(rand_bytes(2)), [b"a", b"bc"], None])
        if n == 1:
            print(i, name, call(s, name, arg))
        else:
            print(i, name, call(s, name, arg, rng() % 14 - 4))
    if i % 50 == 0:
        t = kind(rand_bytes(10))
        print(i, "replace", call(t, "replace", rand_bytes(2), rand_bytes(3), rng() % 4 - 1))
        print(i, "translate", call(t, "translate", bytes.maketrans(b"ab", b"ba"), b" "))
        print(i, "cmp", t == s, t < s, s in (t, s), s + t)

# _crypt hashes through libcrypt (every method crypt.py finds), and spwd
# reads the shadow database (or is refused the same way without privileges).
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import crypt
    import spwd
print(sorted(str(w.message) for w in caught))

for salt in ("$6$saltsalt", "$5$rounds=5000$abc", "$1$abcdefgh", "ab", "$2b$04$" + "a" * 22):
    print(salt, crypt.crypt("secret", salt))
print([m.name for m in crypt.methods])
print(crypt.crypt("pw", "*bad*"))
for bad in (("pw\0x", "ab"), (b"pw", "ab")):
    try:
        crypt.crypt(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    entries = spwd.getspall()
    root = spwd.getspnam("root")
    print(len(entries) > 0, root.sp_namp, root.sp_nam == root.sp_namp, root[0], len(root), spwd.struct_spwd.n_fields)
except PermissionError as e:
    print("PermissionError", e.errno)
for bad in ("no-such-user-zz", b"root", "a\0b"):
    try:
        spwd.getspnam(bad)
    except (KeyError, TypeError, ValueError, PermissionError) as e:
        print(type(e).__name__, e)

# matching nested data: JSON-like documents
docs = [
    {"type": "user", "name": "ann", "roles": ["admin", "dev"]},
    {"type": "user", "name": "bob", "roles": []},
    {"type": "group", "members": [{"name": "c"}, {"name": "d"}]},
    {"type": "event", "at": (2024, 1, 15), "tags": {"k": "v"}},
    {"type": "event", "at": (2024, 13, 1)},
    ["not", "a", "dict"],
    {"type": "unknown"},
]
def describe(d):
    match d:
        case {"type": "user", "name": str(name), "roles": ["admin", *others]}:
            return "admin %s (+%d)" % (name, len(others))
        case {"type": "user", "name": name, "roles": []}:
            return "user %s without roles" % name
        case {"type": "group", "members": [*members]}:
            return "group of " + ",".join(m["name"] for m in members)
        case {"type": "event", "at": (int(y), int(mo), int(day))} if 1 <= mo <= 12:
            return "event on %04d-%02d-%02d" % (y, mo, day)
        case {"type": "event"}:
            return "invalid event"
        case [*words] if all(isinstance(w, str) for w in words):
            return "word list: " + " ".join(words)
        case {"type": t}:
            return "unhandled type " + t
for d in docs:
    print(describe(d))

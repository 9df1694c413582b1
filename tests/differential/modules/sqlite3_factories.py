# sqlite3: Row (index by position, case-insensitive name, slice, keys,
# equality, hash), row_factory on connection and cursor, text_factory,
# cursor factory subclasses, the dump iterator.
import sqlite3
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("create table t(Id integer, Name text)")
con.executemany("insert into t values (?, ?)", [(1, "one"), (2, "two")])
r = con.execute("select * from t order by id").fetchone()
print(type(r).__name__, r[0], r["name"], r["NAME"], r[-1], r[0:1], r[::-1], len(r), r.keys(), list(r))
t(lambda: r["nosuch"])
t(lambda: r[5])
t(lambda: r[2**100])
t(lambda: r[1.5])
r2 = con.execute("select * from t order by id").fetchone()
print(r == r2, r != r2, hash(r) == hash(r2), r == tuple(r))
t(lambda: sqlite3.Row(1, ()))
t(lambda: sqlite3.Row(con.cursor(), 1))
con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(con.execute("select * from t").fetchall())
cur = con.cursor()
cur.row_factory = None
print(cur.execute("select * from t").fetchall())
con.row_factory = None
con.text_factory = bytes
print(con.execute("select name from t").fetchall())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select name from t").fetchall())
con.text_factory = str
class MyCursor(sqlite3.Cursor):
    def fetch_names(self):
        return [n for (n,) in self.execute("select name from t order by id")]
c = con.cursor(MyCursor)
print(type(c).__name__, c.fetch_names(), c.connection is con)
t(lambda: con.cursor(lambda c: 1))
class MyConnection(sqlite3.Connection):
    pass
mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__)
con.execute("create table v(a, b text)")
con.execute("insert into v values (?, ?)", (1.5, "it's"))
con.commit()
for line in con.iterdump():
    print(line)

# sqlite3: user functions, aggregates, window functions, collations, the
# authorizer and progress handler, adapters (__conform__, register_adapter)
# and converters by declared type and by column name.
import sqlite3
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
con = sqlite3.connect(":memory:")
con.create_function("plus", 2, lambda a, b: a + b)
con.create_function("kind", 1, lambda v: type(v).__name__)
con.create_function("fail", 0, lambda: 1 / 0)
con.create_function("big", 0, lambda: 2**70)
con.create_function("bad", 0, lambda: object())
con.create_function("det", 1, lambda v: v, deterministic=True)
print(con.execute("select plus(1, 2), plus('a', 'b'), kind(1), kind(1.0), kind('x'), kind(x'00'), kind(null), det(3)").fetchone())
t(lambda: con.execute("select fail()").fetchone())
t(lambda: con.execute("select big()").fetchone())
t(lambda: con.execute("select bad()").fetchone())
t(lambda: con.execute("select plus(1)").fetchone())
class Sum:
    def __init__(self): self.total = 0
    def step(self, v): self.total += v
    def finalize(self): return self.total
class Win(Sum):
    def inverse(self, v): self.total -= v
    def value(self): return self.total
con.create_aggregate("mysum", 1, Sum)
con.create_window_function("winsum", 1, Win)
con.execute("create table n(x)")
con.executemany("insert into n values (?)", [(i,) for i in range(1, 6)])
print(con.execute("select mysum(x) from n").fetchone(), con.execute("select mysum(x) from n where x > 10").fetchone())
print(con.execute("select x, winsum(x) over (order by x rows between 1 preceding and 1 following) from n").fetchall())
class BadStep(Sum):
    def step(self, v): raise ValueError
con.create_aggregate("badstep", 1, BadStep)
t(lambda: con.execute("select badstep(x) from n").fetchone())
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
con.execute("create table w(s)")
con.executemany("insert into w values (?)", [("b",), ("a",), ("c",)])
print(con.execute("select s from w order by s collate rev").fetchall())
t(lambda: con.create_collation("x", 1))
con.create_collation("rev", None)
t(lambda: con.execute("select s from w order by s collate rev").fetchall())
def auth(action, a1, a2, db, src):
    return sqlite3.SQLITE_DENY if a2 == "s" else sqlite3.SQLITE_OK
con.set_authorizer(auth)
t(lambda: con.execute("select s from w").fetchall())
con.set_authorizer(None)
print(con.execute("select count(s) from w").fetchone())
con.set_progress_handler(lambda: 1, 1)
t(lambda: con.execute("select count(*) from n").fetchone())
con.set_progress_handler(None, 1)
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol:
            return f"{self.x};{self.y}"
class Money:
    def __init__(self, v): self.v = v
sqlite3.register_adapter(Money, lambda m: m.v * 100)
sqlite3.register_converter("point", lambda b: tuple(map(float, b.split(b";"))))
sqlite3.register_converter("CENTS", lambda b: int(b) / 100)
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
c2.execute("create table p(p point, m cents, q integer not null)")
c2.execute("insert into p values (?, ?, ?)", (Point(1, 2), Money(3), 4))
print(c2.execute("select * from p").fetchone())
cur = c2.execute('select p, m, q as "q [cents]", m as "m [point]" from p')
print(cur.fetchone(), [d[0] for d in cur.description])
print(sqlite3.adapt(Money(5)), sqlite3.adapt(Point(7, 8)))
t(lambda: sqlite3.adapt(object()))
t(lambda: con.execute("select ?", (Money(1),)).fetchone())

# sqlite3: isolation_level and the implicit BEGIN before DML, in_transaction,
# commit/rollback, autocommit (None), the context manager, total_changes,
# and a trace callback showing the statements sent.
import sqlite3
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
con = sqlite3.connect(":memory:")
print(repr(con.isolation_level), con.in_transaction)
sent = []
con.set_trace_callback(sent.append)
con.execute("create table t(x)")
print(con.in_transaction)
con.execute("insert into t values (1)")
print(con.in_transaction)
con.rollback()
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
con.execute("insert into t values (2)")
con.commit()
print(con.execute("select * from t").fetchall())
print(sent)
con.set_trace_callback(None)
for level in ("deferred", "IMMEDIATE", "Exclusive", "", None):
    con.isolation_level = level
    print(repr(con.isolation_level))
t(lambda: setattr(con, "isolation_level", "bogus"))
t(lambda: setattr(con, "isolation_level", 1))
t(lambda: delattr(con, "isolation_level"))
con.isolation_level = None
con.execute("insert into t values (3)")
print(con.in_transaction)
con.execute("begin")
con.execute("insert into t values (4)")
print(con.in_transaction)
con.isolation_level = ""
print(con.in_transaction)
with con:
    con.execute("insert into t values (5)")
print(con.in_transaction, con.execute("select count(*) from t").fetchone())
try:
    with con:
        con.execute("insert into t values (6)")
        raise ValueError("boom")
except ValueError as e:
    print("ValueError", e)
print(con.execute("select x from t order by x").fetchall())
con.execute("create table u(x unique)")
con.execute("insert into u values (1)")
try:
    con.execute("insert into u values (1)")
except sqlite3.IntegrityError as e:
    print(type(e).__name__, e, e.sqlite_errorcode, e.sqlite_errorname)
try:
    con.execute("selec 1")
except sqlite3.OperationalError as e:
    print(type(e).__name__, e, e.sqlite_errorcode, e.sqlite_errorname)
t(lambda: con.execute("select * from nosuch"))
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), issubclass(sqlite3.DatabaseError, sqlite3.Error))
print(issubclass(sqlite3.InterfaceError, sqlite3.Error), issubclass(sqlite3.Warning, Exception))
print(con.Error is sqlite3.Error, con.ProgrammingError is sqlite3.ProgrammingError)
print(con.total_changes)
con.close()
con = sqlite3.Connection.__new__(sqlite3.Connection)
t(lambda: con.cursor())
t(lambda: con.isolation_level)

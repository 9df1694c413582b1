# how except clauses match: subclasses, tuples, order, re-raising
class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError):
    pass
def classify(exc):
    try:
        raise exc
    except DbError:
        return "db"
    except (NetError, KeyError):
        return "net-or-key"
    except AppError as e:
        return "app: " + type(e).__name__
    except LookupError:
        return "lookup"
    except Exception:
        return "generic"
class OtherApp(AppError):
    pass
for e in [DbError(), NetError(), KeyError(), IndexError(), OtherApp(), AppError(), RuntimeError()]:
    print(type(e).__name__, "->", classify(e))
def order_matters():
    try:
        raise DbError("x")
    except AppError:
        return "AppError first wins"
    except DbError:
        return "never"
print(order_matters())
def nested():
    try:
        try:
            raise NetError("inner")
        except DbError:
            return "wrong"
    except AppError as e:
        return "outer caught " + str(e)
print(nested())
def exc_var_deleted():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    return "err" in locals()
print(exc_var_deleted())
def exception_in_except_expression():
    try:
        raise ValueError
    except (lambda: ValueError)():
        return "computed exception class"
print(exception_in_except_expression())
try:
    try:
        raise ValueError("x")
    except TypeError:
        print("no")
except ValueError:
    print("propagated past non-matching handler")

# try/except/else/finally control flow
def run(exc):
    try:
        print("try", exc)
        if exc:
            raise exc
    except (KeyError, IndexError) as e:
        print("lookup handler", type(e).__name__)
    except ValueError:
        print("value handler")
    except Exception as e:
        print("generic handler", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally")
for exc in [None, KeyError("k"), IndexError, ValueError("v"), TypeError()]:
    run(exc)
try:
    run(SystemExit(5))
except SystemExit as e:
    print("SystemExit escaped", e.code)
def name_unbound():
    e = "before"
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(name_unbound())
def order():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
order()
def handler_raises():
    try:
        raise ValueError("original")
    except ValueError:
        raise TypeError("from handler")
    finally:
        print("finally after handler raise")
try:
    handler_raises()
except TypeError as e:
    print("TypeError", e, "context:", type(e.__context__).__name__)
def dynamic_exc_tuple():
    excs = (KeyError,)
    try:
        {}[1]
    except excs as e:
        return "caught via tuple variable"
print(dynamic_exc_tuple())
def bad_except_clause():
    try:
        raise ValueError
    except 5:
        pass
try:
    bad_except_clause()
except TypeError as e:
    print("TypeError", e)
def no_match_no_eval():
    try:
        return "no exception"
    except undefined_name:
        pass
print(no_match_no_eval())
try:
    try:
        raise ValueError
    except undefined_name2:
        pass
except NameError as e:
    print("NameError", e)
try:
    compile("try:\n    pass\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("try:\n    pass\nelse:\n    pass\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)

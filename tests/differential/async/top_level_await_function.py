# Code compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT is a coroutine code object:
# eval() of it returns a coroutine and FunctionType makes an async function
# whose locals are its globals.
import ast, asyncio, types

src = "a = await asyncio.sleep(0, result=1)\nb = [x async for x in agen()]"
async def agen():
    for i in range(3):
        yield i

for mode in ["exec", "single"]:
    co = compile(src if mode == "exec" else "a = await asyncio.sleep(0, result=1)", "?", mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print(bool(co.co_flags & 0x80))
    g = {"asyncio": asyncio, "a": 0, "agen": agen}
    asyncio.run(types.FunctionType(co, g)())
    print(g["a"], g.get("b"))
    g = {"asyncio": asyncio, "a": 0, "agen": agen}
    r = eval(co, g)
    print(type(r).__name__)
    asyncio.run(r)
    print(g["a"], g.get("b"))

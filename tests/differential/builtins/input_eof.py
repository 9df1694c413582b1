# input() with stdin closed raises EOFError; the prompt is written first
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: input())
t(lambda: input("prompt> "))
print()
t(lambda: input(1, 2))
t(lambda: input(prompt="x"))

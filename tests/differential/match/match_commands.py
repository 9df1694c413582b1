# a command interpreter built on match statements
def run(cmd):
    match cmd.split():
        case ["quit" | "exit"]:
            return "bye"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["go", other]:
            return "can't go " + other
        case ["get", *items] if items:
            return "getting " + ", ".join(items)
        case ["get"]:
            return "get what?"
        case ["say", *words]:
            return "said: " + " ".join(words)
        case []:
            return "empty"
        case [verb, *_]:
            return "unknown verb " + verb
for c in ["quit", "exit", "go north", "go up", "get lamp key", "get", "say hello world", "", "dance wildly"]:
    print(repr(c), "->", run(c))
def evaluate(expr):
    match expr:
        case int(n) | float(n):
            return n
        case ("+", l, r):
            return evaluate(l) + evaluate(r)
        case ("*", l, r):
            return evaluate(l) * evaluate(r)
        case ("-", x):
            return -evaluate(x)
        case _:
            raise ValueError("bad expression %r" % (expr,))
print(evaluate(("+", 1, ("*", 2, ("-", 3)))))
try:
    evaluate(("/", 1, 2))
except ValueError as e:
    print("ValueError", e)

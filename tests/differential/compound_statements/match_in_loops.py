# match statements inside loops with break/continue and return
def tokenize(text):
    tokens = []
    for ch in text:
        match ch:
            case " ":
                continue
            case "#":
                break
            case "+" | "-" | "*" | "/":
                tokens.append(("op", ch))
            case d if d.isdigit():
                if tokens and tokens[-1][0] == "num":
                    tokens[-1] = ("num", tokens[-1][1] * 10 + int(d))
                else:
                    tokens.append(("num", int(d)))
            case other:
                tokens.append(("unknown", other))
    return tokens
print(tokenize("12 + 34*5 x # comment 99"))
def first_negative(items):
    for it in items:
        match it:
            case int(n) if n < 0:
                return n
            case [*inner]:
                r = first_negative(inner)
                if r is not None:
                    return r
    return None
print(first_negative([1, [2, [3, -4]], -5]), first_negative([1, 2]))

# a small complete program: a tokenizer and recursive-descent evaluator
class Lexer:
    def __init__(self, text):
        self.text, self.pos = text, 0
    def tokens(self):
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch.isspace():
                self.pos += 1
            elif ch.isdigit():
                start = self.pos
                while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] == "."):
                    self.pos += 1
                yield ("num", float(self.text[start:self.pos]))
            elif ch in "+-*/()":
                self.pos += 1
                yield ("op", ch)
            else:
                raise SyntaxError("unexpected character %r at %d" % (ch, self.pos))
        yield ("end", None)
class Parser:
    def __init__(self, text):
        self.toks = list(Lexer(text).tokens())
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            v = v * self.factor() if op == "*" else v / self.factor()
        return v
    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if (kind, val) == ("op", "-"):
            return -self.factor()
        if (kind, val) == ("op", "("):
            v = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected )")
            return v
        raise SyntaxError("unexpected token %r" % (val,))
for src in ["1 + 2 * 3", "(1 + 2) * 3", "-4 / (2 - 4)", "2 * (3 + (4 - 1)) / 3", "1 / 0", "2 +", "3 $ 4", "((1)"]:
    try:
        print(src, "=", Parser(src).expr())
    except ZeroDivisionError as e:
        print(src, "ZeroDivisionError", e)
    except SyntaxError as e:
        print(src, "SyntaxError", e)

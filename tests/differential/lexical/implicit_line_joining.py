# implicit line joining inside brackets, and tokens spanning lines
total = (1 +
         2 +
    3)
print(total)
items = [
    "a",
        "b",
  "c"]
print(items)
d = {
    "key":
        "value",
}
print(d)
def f(
        a,
        b):
    return a + b
print(f(
    1,
    2,
))
print("string "
      "continued "
      'across lines')
x = [i
     for i
     in range(3)
     if i]
print(x)
print(eval("(1,\n2,\n3)"), eval("[\n]"), eval("{\n1\n:\n2\n}"))
cond = (True
        and not False
        or None)
print(cond)

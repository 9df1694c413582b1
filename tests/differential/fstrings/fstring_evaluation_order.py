# replacement fields are evaluated left to right, format specs after their value, once each
log = []
def v(tag, value):
    log.append(tag)
    return value
s = f"{v('a', 1)}-{v('b', 2):{v('spec', '>3')}}-{v('c', 3)!r}"
print(s, log)
log.clear()
s = f"{v('outer', 'x'):{v('fill', '*')}^{v('width', 5)}}"
print(s, log)
log.clear()
parts = [f"{v(str(i), i)}" for i in range(3)]
print(parts, log)
log.clear()
try:
    f"{v('first', 1)}{1 / 0}{v('never', 2)}"
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, log)
count = 0
def bump():
    global count
    count += 1
    return count
print(f"{bump()} {bump()} {bump()}", count)
print(f"{bump()=}", count)

# int / int produces correctly rounded floats
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(1 / 3, 2 / 3, 10 / 4, -1 / 3, 0 / 5, -0 / 5)
print(2**53 / 1, (2**53 + 1) / 1, (2**54 + 3) / 2)
print(10**30 / 10**15, 10**300 / 10**290)
print((10**400) / (10**399))
t(lambda: 10**400 / 1)
print(1 / 10**400)
print(-(1) / 10**400)
print(123456789123456789 / 1000)
print(7 // 2.0, 7 % 2.5, -7 % 2.5, 7.5 // -2)
print(float(2**1023) * 2 if False else 2.0**1023)
t(lambda: float(2**1024))
print(float(2**1024 - 2**970 - 1))
t(lambda: float(2**1024 - 2**970))
print(int(1e308) == 10**308, int(1e308) - 10**308)
print(5 .__truediv__(2), (5).__rtruediv__(2))

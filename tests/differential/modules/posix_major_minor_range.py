# os.major/os.minor take an unsigned dev_t: negative or huge ints overflow.
import os
d = os.makedev(8, 1)
print(os.major(d), os.minor(d))
for f, a in [(os.major, -1), (os.major, 2**64), (os.minor, -1), (os.major, 1.0)]:
    try:
        f(a)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)

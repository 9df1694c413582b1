# 1 million calls of a small Python function.
def f(a, b):
    return a + b


def main():
    x = 0
    for i in range(1000000):
        x = f(x, i)
    print(x)


main()

# a whole file that fails to compile: nothing runs, SyntaxError on stderr, status 1
print("this line never runs")
def broken(:
    pass

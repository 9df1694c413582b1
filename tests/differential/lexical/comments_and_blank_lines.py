#!/usr/bin/env python3
# a shebang line is a comment; comments may contain anything: """ ' " \ { }
x = 1  # trailing comment with # more hashes
	# tab-indented comment line at module level is fine (comments are ignored)
print(x)   # comment after call
def f():
    # comment as first line of body
    return 2
    # comment after return
print(f())
s = "# not a comment"; t = '# also not'  # but this is
print(s, t)
y = [1,  # element comment
     2,  # another
     ]  # closing comment
print(y)
if True:  # comment after colon
    pass
print("""# inside triple quotes
still string""")
print(eval("1 # comment in eval"))
print(compile("# only a comment\n", "<c>", "exec").co_consts)

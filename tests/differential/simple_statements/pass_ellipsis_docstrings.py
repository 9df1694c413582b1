# pass, ... bodies, docstring-only bodies; statements that are expressions
def only_pass():
    pass
def only_ellipsis():
    ...
def only_doc():
    "just a docstring"
class OnlyDoc:
    """class docstring only"""
class OnlyEllipsis:
    ...
print(only_pass(), only_ellipsis(), only_doc(), only_doc.__doc__)
print(OnlyDoc.__doc__, OnlyEllipsis.__doc__)
for _ in range(2):
    ...
while False:
    pass
if True:
    ...
try:
    pass
except Exception:
    ...
finally:
    ...
with type("CM", (), {"__enter__": lambda s: None, "__exit__": lambda s, *a: None})():
    pass
print("all empty bodies executed")

# None in comparisons, arithmetic and sorting: error messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: None == 0)
t(lambda: None != False)
t(lambda: None < 1)
t(lambda: 1 > None)
t(lambda: None <= None)
t(lambda: sorted([None, 1]))
t(lambda: sorted([None, None]))
t(lambda: max(None, None))
t(lambda: None + None)
t(lambda: None * 2)
t(lambda: -None)
nothing = None
t(lambda: nothing["k"])
t(lambda: None.attr)
t(lambda: iter(None))
t(lambda: [x for x in None])
t(lambda: len(None))
t(lambda: int(None))
t(lambda: float(None))
t(lambda: str(None) + "!")
t(lambda: "%s" % None)
t(lambda: f"{None}")
t(lambda: None in [None])
t(lambda: None in "None")

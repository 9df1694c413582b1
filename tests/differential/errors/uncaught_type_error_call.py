# a TypeError from a bad call signature
def greet(name, greeting):
    return greeting + ", " + name
print(greet("ann", "hi"))
greet("bob")

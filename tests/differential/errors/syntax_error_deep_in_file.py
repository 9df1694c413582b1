# a syntax error near the end of a longer file: nothing before it runs
def fine():
    return 1
class Fine:
    def method(self):
        return [x for x in range(3)]
print("never printed")
value = {"a": 1, "b": 2}
result = value["a"] +* 2

# an exception whose __str__ fails while printing the traceback
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str failed")
raise Weird()

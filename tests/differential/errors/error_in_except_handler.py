# an error inside an except handler masks nothing: both are shown, last is the new one
try:
    {}["x"]
except KeyError:
    print("handling")
    undefined_in_handler

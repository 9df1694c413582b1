# IndentationError for the whole file
print("never runs")
if True:
print("not indented")

# buffered stdout is flushed before the traceback; exit status 1
import sys
for i in range(5):
    print("line", i)
sys.stdout.write("partial line without newline")
raise RuntimeError("after partial output")

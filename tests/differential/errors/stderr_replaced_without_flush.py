# An uncaught error printed to a sys.stderr without flush() (which drops
# itself while writing) leaves no stray error behind at shutdown.
import sys

class MyStderr:
    def write(self, s):
        sys.stderr = None

sys.stderr = MyStderr()
1 / 0

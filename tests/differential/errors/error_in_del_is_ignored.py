# exceptions in __del__ are reported as unraisable (stderr) but do not change the exit status
class Noisy:
    def __del__(self):
        raise RuntimeError("error in __del__")
n = Noisy()
del n
print("still running; exit status stays 0")

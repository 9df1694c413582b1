# builtin exception hierarchy
def chain(c):
    return " > ".join(k.__name__ for k in c.__mro__)
for c in [ZeroDivisionError, OverflowError, FloatingPointError, KeyError, IndexError, ModuleNotFoundError,
          FileNotFoundError, PermissionError, TimeoutError, ConnectionResetError, BrokenPipeError, UnboundLocalError,
          NotImplementedError, RecursionError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError,
          IndentationError, TabError, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
          DeprecationWarning, UserWarning, SyntaxWarning, RuntimeWarning, FutureWarning, PendingDeprecationWarning,
          ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning, BufferError, EOFError,
          AssertionError, MemoryError, ReferenceError, ChildProcessError, ProcessLookupError, IsADirectoryError,
          NotADirectoryError, InterruptedError, BlockingIOError, ConnectionAbortedError, ConnectionRefusedError, FileExistsError,
          ExceptionGroup, BaseExceptionGroup]:
    print(chain(c))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)

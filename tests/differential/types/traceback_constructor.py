# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) and its
# argument checks; tb_lasti is kept as given (a byte offset).
import sys



def get_tb():
    try:
        raise OSError()
    except OSError as e:
        return e.__traceback__


other = get_tb()
TracebackType = type(other)
frame = sys._getframe()
tb = TracebackType(other, frame, 1, 2)
print(tb.tb_next is other, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
tb = TracebackType(None, frame, 6, 7)
print(tb.tb_next, tb.tb_lasti, tb.tb_lineno)
tb = TracebackType(tb_next=None, tb_frame=frame, tb_lasti=8, tb_lineno=9)
print(tb.tb_lasti, tb.tb_lineno)
print(other.tb_lasti % 2, other.tb_lineno > 0)
for args in [("no", frame, 1, 2), (other, "no", 1, 2), (other, frame, "no", 2), (other, frame, 1, "nuh-uh")]:
    try:
        TracebackType(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    TracebackType(other, frame)
except TypeError as e:
    print(type(e).__name__)

# Replacing a trace or profile function while the old one's __del__
# installs another is refused.
class A:
    def __call__(self, *args):
        pass

    def __del__(self):
        try:
            sys.setprofile(print)
        except RuntimeError as e:
            print(type(e).__name__, e)


sys.setprofile(A())
sys.setprofile(None)
print(sys.getprofile())


class B:
    def __call__(self, *args):
        return None

    def __del__(self):
        try:
            sys.settrace(None)
        except RuntimeError as e:
            print(type(e).__name__, e)


sys.settrace(B())
sys.settrace(None)
print(sys.gettrace())

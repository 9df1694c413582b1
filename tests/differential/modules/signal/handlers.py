# signal: Python handlers run after os.kill/raise_signal returns, getsignal,
# SIG_IGN/SIG_DFL, the start-up handlers, argument errors
import os, signal, _signal

def t(f, *a):
    try:
        print(repr(f(*a)))
    except BaseException as e:
        print(type(e).__name__, e)

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGXFSZ))
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGCHLD))
print(repr(signal.getsignal(signal.SIGUSR1)), _signal.getsignal(signal.SIGUSR1))

log = []
def handler(sig, frame):
    log.append((sig, frame is not None, frame.f_code.co_name if frame else None))

def sender():
    os.kill(os.getpid(), signal.SIGUSR1)
    log.append("after kill")

print(repr(signal.signal(signal.SIGUSR1, handler)))
print(signal.getsignal(signal.SIGUSR1) is handler)
sender()
print(log)
log.clear()
signal.raise_signal(signal.SIGUSR1)
print(log)
log.clear()
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR1)
print(len(log))

print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.getsignal(signal.SIGUSR1)))

class Callable:
    def __call__(self, sig, frame):
        print("callable object got", signal.Signals(sig).name)
signal.signal(signal.SIGUSR2, Callable())
os.kill(os.getpid(), signal.SIGUSR2)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

def raiser(sig, frame):
    raise ValueError("from handler %d" % sig)
signal.signal(signal.SIGUSR1, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print("not reached")
except ValueError as e:
    print("caught", e)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

t(signal.signal, 0, signal.SIG_DFL)
t(signal.signal, signal.NSIG, signal.SIG_DFL)
t(signal.signal, signal.SIGKILL, signal.SIG_IGN)
t(signal.signal, signal.SIGSTOP, handler)
t(signal.signal, signal.SIGUSR1, 5)
t(signal.signal, signal.SIGUSR1, None)
t(_signal.signal, signal.SIGUSR1, 2)
t(_signal.signal, "x", 1)
t(_signal.signal, signal.SIGUSR1)
t(signal.getsignal, 0)
t(_signal.getsignal, 2.5)
t(_signal.getsignal)
t(signal.raise_signal, 0)
t(signal.strsignal, 0)
t(signal.strsignal, signal.SIGTERM)
t(signal.strsignal, 32)
t(signal.strsignal, signal.SIGRTMIN)
t(signal.siginterrupt, 0, 1)
t(signal.siginterrupt, signal.SIGUSR1, 1)
t(signal.siginterrupt, signal.SIGUSR1, 0)
t(_signal.default_int_handler)
t(_signal.default_int_handler, 2, None)
print(signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX, signal.SIG_DFL, signal.SIG_IGN)
print(signal.SIGINT, repr(signal.SIGINT), repr(signal.Handlers.SIG_IGN), repr(signal.Sigmasks.SIG_BLOCK))
print(sorted(n for n in dir(_signal) if n.startswith("SIG") and not n.startswith("SIG_")))
print([(s.name, s.value) for s in signal.Signals][:8])
print(sorted(signal.valid_signals()) == [s for s in range(1, 65) if s not in (32, 33)])
print([(s, signal.getsignal(s)) for s in sorted(signal.valid_signals()) if s < signal.SIGRTMIN])

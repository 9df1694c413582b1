# signal: setitimer/getitimer and ItimerError, pthread_sigmask, sigpending,
# sigwait, sigwaitinfo, sigtimedwait and struct_siginfo
import os, signal

def t(f, *a):
    try:
        print(repr(f(*a)))
    except BaseException as e:
        print(type(e).__name__, e)

print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 100, 0))
value, interval = signal.getitimer(signal.ITIMER_REAL)
print(90 < value <= 100, interval)
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(90 < old[0] <= 100, old[1], signal.getitimer(signal.ITIMER_REAL))
t(signal.setitimer, 99, 1)
t(signal.getitimer, 99)
t(signal.setitimer, signal.ITIMER_REAL, "x")
t(signal.setitimer, signal.ITIMER_REAL)
print(signal.ItimerError, signal.ItimerError.__mro__[1], issubclass(signal.ItimerError, OSError))

# a periodic timer: three ticks
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while len(ticks) < 3:
    signal.pause()
signal.setitimer(signal.ITIMER_REAL, 0)
print(ticks[:3])
signal.signal(signal.SIGALRM, signal.SIG_DFL)

print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
print(signal.sigwait([signal.SIGUSR1]))
print(signal.sigpending())
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigwaitinfo([signal.SIGUSR2])
print(type(info).__name__, info.si_signo, info.si_code, info.si_pid == os.getpid(), info.si_uid == os.getuid())
print(len(info), info[0], signal.struct_siginfo.n_fields)
print(signal.sigtimedwait([signal.SIGUSR1], 0))
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigtimedwait([signal.SIGUSR1], 1).si_signo)
t(signal.sigtimedwait, [signal.SIGUSR1], -1)
t(signal.pthread_sigmask, 99, [])
t(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
t(signal.pthread_sigmask, signal.SIG_BLOCK, [65])
t(signal.pthread_sigmask, signal.SIG_BLOCK, 3)
t(signal.pthread_sigmask, signal.SIG_BLOCK, ["a"])
t(signal.pthread_sigmask, signal.SIG_BLOCK)

# unblocking a pending signal runs its handler before pthread_sigmask returns
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print(got, signal.sigpending())
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])))
print(got, signal.sigpending())
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# signal: SIGINT raises KeyboardInterrupt through default_int_handler; an
# uncaught one ends the process by SIGINT. stderr-expected
import os, signal, time
try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e.args))

signal.setitimer(signal.ITIMER_REAL, 0.02)
signal.signal(signal.SIGALRM, lambda s, f: os.kill(os.getpid(), signal.SIGINT))
try:
    time.sleep(20)
except KeyboardInterrupt:
    print("sleep interrupted by Ctrl-C")

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("direct call raises")

old = signal.signal(signal.SIGINT, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGINT)
print("ignored", old is signal.default_int_handler)
signal.signal(signal.SIGINT, old)
print("now uncaught")
os.kill(os.getpid(), signal.SIGINT)
print("not reached")

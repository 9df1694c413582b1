import _thread, threading, signal, time
# interrupt_main raises KeyboardInterrupt in the main thread while it waits on a lock.
def later():
    time.sleep(0.05)
    _thread.interrupt_main()
threading.Thread(target=later).start()
try:
    threading.Event().wait(5)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting")
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
_thread.interrupt_main(signal.SIGUSR1)
for i in range(100): pass
print(got == [signal.SIGUSR1])
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGUSR1)
print("ignored ok")
try:
    _thread.interrupt_main(1000)
except ValueError as e:
    print("ValueError:", e)

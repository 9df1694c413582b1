# With preexec_fn, _posixsubprocess runs the os.register_at_fork hooks as
# os.fork() does: "before" and "after_in_parent" in the parent, and
# "after_in_child" in the child (before preexec_fn); without it, none run.
import os, subprocess, sys, tempfile

log = tempfile.mktemp()
events = []
def child_hook():
    with open(log, 'a') as f:
        f.write('after_in_child pid-differs=%s\n' % (os.getpid() != parent_pid))
def preexec():
    with open(log, 'a') as f:
        f.write('preexec_fn\n')
parent_pid = os.getpid()
os.register_at_fork(before=lambda: events.append('before1'), after_in_child=child_hook,
                    after_in_parent=lambda: events.append('after_in_parent'))
os.register_at_fork(before=lambda: events.append('before2'))

r = subprocess.run([sys.executable, '-c', 'print("hi")'], preexec_fn=preexec, capture_output=True)
print(r.stdout, events)
with open(log) as f:
    print(f.read().splitlines())
os.unlink(log)

events.clear()
r = subprocess.run([sys.executable, '-c', 'print("hi")'], capture_output=True)
print(r.stdout, events, os.path.exists(log))

# syslog.openlog() without an ident takes the base name of sys.argv[0];
# when sys.argv is not a list (or is empty) there is no default ident.
import sys
import syslog

events = []
sys.addaudithook(lambda e, a: events.append((e, a)) if e == "syslog.openlog" else None)
saved = sys.argv
for argv in (None, [], ("tuple.py",), ["/some/dir/prog.py"], [42]):
    sys.argv = argv
    syslog.openlog()
    syslog.closelog()
sys.argv = saved
for e, a in events:
    print(e, a)

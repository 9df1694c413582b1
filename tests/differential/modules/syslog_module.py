# The syslog module: constants, argument errors, the mask helpers and a
# logged message (to the local syslog, if any; nothing is printed).
import syslog
print(sorted(n for n in dir(syslog) if not n.startswith('__')))
print([getattr(syslog, n) for n in sorted(dir(syslog)) if n.startswith('LOG_') and isinstance(getattr(syslog, n), int)])
for call in [lambda: syslog.syslog(), lambda: syslog.syslog(1), lambda: syslog.syslog('a', 'b'), lambda: syslog.syslog(1, 2, 3), lambda: syslog.openlog(ident=1), lambda: syslog.openlog('\ud800'), lambda: syslog.syslog(msg='x'), lambda: syslog.setlogmask('x'), lambda: syslog.LOG_MASK(3), lambda: syslog.LOG_UPTO(3), lambda: syslog.LOG_MASK(31)]:
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
syslog.openlog('krait-test', syslog.LOG_PID, syslog.LOG_LOCAL0)
syslog.syslog(syslog.LOG_DEBUG, 'hello')
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING)); print(syslog.setlogmask(0), syslog.setlogmask(old))
syslog.closelog(); syslog.closelog()

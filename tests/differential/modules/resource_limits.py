# resource: limits (getrlimit/setrlimit/prlimit), usage and the errors.
import resource, os
print(resource.struct_rusage.n_fields, resource.struct_rusage.n_sequence_fields, resource.struct_rusage.__module__)
u = resource.getrusage(resource.RUSAGE_SELF)
print(type(u).__name__, len(u), type(u.ru_utime).__name__, u.ru_maxrss > 0)
print(resource.RLIM_INFINITY, resource.getrlimit(resource.RLIMIT_NOFILE) == resource.prlimit(0, resource.RLIMIT_NOFILE))
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, [0, hard])
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
print(resource.prlimit(os.getpid(), resource.RLIMIT_CORE, (soft, hard))[0], resource.getrlimit(resource.RLIMIT_CORE) == (soft, hard))
for call, args in ((resource.getrlimit, (99,)), (resource.setrlimit, (resource.RLIMIT_NOFILE, (1,))),
                   (resource.getrusage, (99,)),
                   (resource.setrlimit, (resource.RLIMIT_CORE, (10, 5))), (resource.getrlimit, (-1,))):
    try:
        call(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
print(resource.error is OSError, resource.getpagesize() == os.sysconf('SC_PAGESIZE'))
print(sorted(n for n in dir(resource) if n.isupper()))
try:
    resource.setrlimit(resource.RLIMIT_NOFILE, 5)
except TypeError as e:
    print('TypeError', e)

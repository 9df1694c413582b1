# a small complete program: a discrete event simulation with a sorted event list and generators
def customer(name, arrive, service, log):
    log.append((arrive, "%s arrives" % name))
    start = yield ("request", arrive)
    log.append((start, "%s starts service" % name))
    yield ("release", start + service)
    log.append((start + service, "%s leaves" % name))
def simulate(customers):
    log = []
    events = []
    procs = {}
    for name, arrive, service in customers:
        p = customer(name, arrive, service, log)
        procs[name] = p
        events.append(next(p) + (name,))
    server_free_at = 0
    while events:
        events.sort(key=lambda e: (e[1], e[2]))
        kind, time, name = events.pop(0)
        p = procs[name]
        try:
            if kind == "request":
                start = max(time, server_free_at)
                nxt = p.send(start)
                server_free_at = nxt[1]
                events.append(nxt + (name,))
            else:
                next(p)
        except StopIteration:
            pass
    return sorted(log)
for t, msg in simulate([("ann", 0, 5), ("bob", 1, 3), ("cy", 2, 1), ("dee", 10, 2)]):
    print("%3d %s" % (t, msg))

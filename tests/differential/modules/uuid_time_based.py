# uuid1() through the native _uuid module: time-based, RFC 4122 variant,
# later calls never repeat, and is_safe is a SafeUUID member.
import uuid
import _uuid

print(_uuid.has_uuid_generate_time_safe)
raw, safe = _uuid.generate_time_safe()
print(type(raw).__name__, len(raw), safe in (0, -1))
seen = set()
for _ in range(1000):
    u = uuid.uuid1()
    assert u.version == 1 and u.variant == uuid.RFC_4122, u
    seen.add(u)
print(len(seen), isinstance(u.is_safe, uuid.SafeUUID))
u = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(u.node == 0x123456789abc, u.clock_seq == 0x1234)
try:
    _uuid.generate_time_safe(1)
except TypeError as e:
    print("TypeError", e)

# int.from_bytes sources (__bytes__, iterables, refused types) and to_bytes edges
class B:
    def __bytes__(self):
        return b'\x01\x02'
class C:
    def __bytes__(self):
        return 5
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: int.from_bytes(B(), 'big'))
t(lambda: int.from_bytes(C(), 'big'))
t(lambda: int.from_bytes(5, 'big'))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes([1, 2, 300], 'big'))
t(lambda: int.from_bytes([1, 2, 3.0], 'big'))
t(lambda: int.from_bytes(iter([255, 1]), 'little', signed=True))
t(lambda: int.from_bytes(b'\xff\xff', 'big', signed=True))
t(lambda: int.from_bytes(b'', 'big', signed=True))
t(lambda: int.from_bytes(b'\x01', byteorder='middle'))
t(lambda: int.from_bytes(b'\x01', 'big', True))
t(lambda: int.from_bytes(b'\x01\x00'))
t(lambda: (1024).to_bytes())
t(lambda: (255).to_bytes())
t(lambda: (-1).to_bytes(2, 'little', signed=True))
t(lambda: (-1).to_bytes(2, 'little'))
t(lambda: (256).to_bytes(1, 'little'))
t(lambda: (-129).to_bytes(1, 'little', signed=True))
t(lambda: (0).to_bytes(0, 'big'))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1, 'big', True))
t(lambda: (1).to_bytes(length=2, byteorder='big', signed=False))
t(lambda: (1).to_bytes(2, 1))
t(lambda: bool.from_bytes(b'\x01', 'big'))
class I(int):
    pass
t(lambda: type(I.from_bytes(b'\x01', 'big')).__name__)
t(lambda: (2**64).to_bytes(9, 'big'))
t(lambda: (-2**63).to_bytes(8, 'big', signed=True))
t(lambda: int.from_bytes(b'\x80' + b'\x00' * 7, 'big', signed=True))

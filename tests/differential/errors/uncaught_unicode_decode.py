# uncaught UnicodeDecodeError: the message includes the codec, byte and position
data = b"valid \xff invalid"
print(data[:5].decode("utf-8"))
data.decode("utf-8")

# uncaught exception whose message contains newlines
raise ValueError("first line\nsecond line\nlast line of message")

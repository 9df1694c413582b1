# uncaught exception with non-ASCII text in the message
print("ünïcödé output")
raise ValueError("nicht gültig: 値が無効です 😀")

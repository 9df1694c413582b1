# unterminated string literal in the file
print("never")
x = "unterminated

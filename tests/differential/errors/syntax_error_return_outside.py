# 'return' outside function in a whole file
x = 1
return x

# SystemExit with a negative code: the process status is the code modulo 256
print("exit -1")
raise SystemExit(-1)

# uncaught ExceptionGroup: the rendered group ends with the last sub-exception box
print("raising group")
raise ExceptionGroup("several failures", [ValueError("bad value"), TypeError("bad type")])

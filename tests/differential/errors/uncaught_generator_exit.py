# GeneratorExit raised at top level is reported like any other BaseException
print("raising GeneratorExit")
raise GeneratorExit("closing")

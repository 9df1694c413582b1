# uncaught BaseException subclass (not an Exception)
class Abort(BaseException):
    pass
print("aborting")
raise Abort("hard stop")

# dotted value patterns compare with ==, looked up at match time
class Codes:
    OK = 200
    NOT_FOUND = 404
class Nested:
    class Inner:
        VALUE = "deep"
def status(code):
    match code:
        case Codes.OK:
            return "ok"
        case Codes.NOT_FOUND:
            return "not found"
        case Nested.Inner.VALUE:
            return "nested value"
        case _:
            return "other"
print(status(200), status(404), status("deep"), status(500), status(200.0))
Codes.OK = 201
print(status(200), status(201))
class Eqish:
    def __eq__(self, other):
        print("Eqish compared with", other)
        return other == 7
class Holder:
    v = Eqish()
match 7:
    case Holder.v:
        print("matched via __eq__ of the value")

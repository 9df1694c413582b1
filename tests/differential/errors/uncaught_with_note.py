# uncaught exception with notes: notes are printed after the exception line
e = ValueError("has notes")
e.add_note("first note")
e.add_note("second note")
raise e

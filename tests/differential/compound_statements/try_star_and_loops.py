# except* combined with loops and finally, multiple handlers
def process(batch):
    errors = []
    for item in batch:
        try:
            if item < 0:
                raise ValueError(item)
            if item == 0:
                raise ZeroDivisionError(item)
        except ValueError as e:
            errors.append(e)
        except ZeroDivisionError as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("batch failed", errors)
    return "ok"
for batch in [[1, 2], [-1, 0, 3], [0]]:
    try:
        print(process(batch))
    except* ValueError as g:
        print("values:", [e.args[0] for e in g.exceptions])
    except* ZeroDivisionError as g:
        print("zeros:", len(g.exceptions))
    finally:
        print("batch done")

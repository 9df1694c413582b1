# Assigning frame.f_lineno from a 'line' trace event jumps; the checks on
# where a jump may go (not into a for loop's body or an except block, not
# outside the code) and when (only from 'line' events).
import sys


def run(func, jump_from, jump_to, event='line'):
    first = func.__code__.co_firstlineno
    output = []
    done = []

    def tracer(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return tracer if ev == 'call' else None
        if ev == event and not done and frame.f_lineno == first + jump_from:
            done.append(1)
            try:
                frame.f_lineno = first + jump_to if isinstance(jump_to, int) else jump_to
            except ValueError as e:
                output.append(str(e).replace(str(first + 100), "L"))
        return tracer

    sys.settrace(tracer)
    try:
        func(output)
    finally:
        sys.settrace(None)
    print(func.__name__, output)


def forward(output):
    output.append(1)
    output.append(2)
    output.append(3)


def backward(output):
    output.append(1)
    output.append(2)
    if len(output) < 5:
        output.append(4)


def out_of_loop(output):
    for i in range(3):
        output.append(i)
    output.append(4)


def into_loop(output):
    output.append(1)
    for i in range(2):
        output.append(3)


def into_except(output):
    try:
        output.append(2)
    except ValueError:
        output.append(4)


def out_of_except(output):
    try:
        raise KeyError
    except KeyError:
        output.append(4)
        output.append(5)
    output.append(6)
    output.append(sys.exc_info()[0])


def skip_with_stack(output):
    output.append(1)
    x = [output.append(2) for i in range(1)]
    output.append(3)


run(forward, 1, 3)
run(backward, 3, 1)
run(out_of_loop, 2, 3)
run(into_loop, 1, 3)
run(into_except, 2, 4)
run(out_of_except, 4, 6)
run(skip_with_stack, 1, 3)
run(forward, 1, -5)
run(forward, 1, 100)
run(forward, 1, "x")
run(forward, 0, 2, event='call')
run(forward, 3, 1, event='return')

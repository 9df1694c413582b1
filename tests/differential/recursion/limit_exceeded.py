# RecursionError past the limit is catchable and the interpreter keeps working
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError", e)
print("still alive")
sys.setrecursionlimit(500)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
reached = count(0)
print(400 < reached < 500)
sys.setrecursionlimit(1000)
try:
    infinite(0)
except RecursionError as e:
    print("again", e)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print("ValueError", e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print("TypeError", e)
print(sys.getrecursionlimit())
def recover_depth():
    try:
        infinite(0)
    except RecursionError:
        pass
    return sum(range(100))
print(recover_depth())

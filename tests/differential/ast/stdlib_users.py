# Modules that need `ast`: inspect, dataclasses.
import ast
import dataclasses
import inspect


@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)


p = Point(1, 2)
print(p, p < Point(1, 3), dataclasses.asdict(p), dataclasses.fields(Point)[2].name)
print(inspect.signature(Point))


def f(a, b: int = 2, *args, c, d='x', **kw) -> str:
    """Doc of f."""
    return str(a)


sig = inspect.signature(f)
print(sig, list(sig.parameters), sig.return_annotation)
print(inspect.getdoc(f), inspect.isfunction(f))
print(inspect.getsource(f))

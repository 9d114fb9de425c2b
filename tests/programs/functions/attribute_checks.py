# Function attributes check what is assigned, as CPython's do.
def f(a, b=2, *, c=3):
    "doc"
    return a, b, c
for name, value in [("__name__", 7), ("__qualname__", None), ("__defaults__", [1]),
                    ("__kwdefaults__", 5), ("__annotations__", 1), ("__type_params__", [])]:
    try:
        setattr(f, name, value)
    except TypeError as e:
        print(name, "TypeError:", e)
for name in ("__globals__", "__closure__", "__builtins__"):
    try:
        setattr(f, name, {})
    except AttributeError:
        print(name, "read-only")
for name in ("__name__", "__qualname__", "__dict__", "__type_params__"):
    try:
        delattr(f, name)
    except TypeError as e:
        print("del", name, "TypeError:", e)
del f.__defaults__, f.__kwdefaults__, f.__doc__, f.__annotations__
print(f.__defaults__, f.__kwdefaults__, f.__doc__, f.__annotations__)
try:
    f(1)
except TypeError as e:
    print(e)
f.__defaults__ = (5,)
f.__kwdefaults__ = {"c": 6}
print(f(1), f.__name__)
f.__name__ = "g"
print(f.__name__, f.__qualname__, repr(f).split(" at ")[0])
try:
    f.__dict__ = 3
except TypeError as e:
    print(e)

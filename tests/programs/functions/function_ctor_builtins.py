# A function made from globals without __builtins__ takes the running frame's builtins.
import textwrap

code = textwrap.dedent("""
    def func3(s): pass
    func4 = type(func3)(func3.__code__, {})
""")
safe_builtins = {"None": None}
ns = {"type": type, "__builtins__": safe_builtins}
exec(code, ns)
print(ns["func3"].__builtins__ is safe_builtins, ns["func4"].__builtins__ is safe_builtins)


def f():
    return len("abc")


g = type(f)(f.__code__, {})
print(g.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else g.__builtins__ is __builtins__)
print(g())

# Shadowing builtins at module and function level; the builtins module.
import builtins
print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
def f():
    print = lambda *a: builtins.print("custom:", *a)
    print("hello")
f()
builtins.my_global_helper = lambda: "added to builtins"
print(my_global_helper())
del builtins.my_global_helper
try:
    my_global_helper()
except NameError as e:
    print("NameError:", e)
print(type(__builtins__).__name__, builtins.__name__)

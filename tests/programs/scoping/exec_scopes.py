# exec inside functions cannot create real local variables; explicit namespaces can.
def f():
    exec("new_local = 1")
    try:
        return new_local
    except NameError as e:
        return f"NameError: {e}"
print(f())
def g():
    ns = {}
    exec("v = 2\nw = v * 3", ns)
    return ns["w"]
print(g())
def h():
    x = 10
    return eval("x + 1"), eval("x", {"x": 100}), eval("y", {}, {"y": 5})
print(h())
exec("module_level_from_exec = 'visible'")
print(module_level_from_exec)

# exec, eval and compile on strings; namespaces; modes.
ns = {}
exec("x = 5\ndef f(y):\n    return x + y\n", ns)
print(ns["x"], ns["f"](10), sorted(k for k in ns if k != "__builtins__"))
print(eval("1 + 2 * 3"), eval("a * b", {"a": 2}, {"b": 21}), eval("[i for i in range(3)]"))
code = compile("3 ** 4", "<expr>", "eval")
print(eval(code), code.co_filename, code.co_name)
code2 = compile("for i in range(2): print('exec loop', i)", "<loop>", "exec")
exec(code2)
single = compile("1 + 1", "<single>", "single")
exec(single)
g = {"__builtins__": {}}
try:
    eval("len([])", g)
except NameError as e:
    print("NameError:", e)
def scope():
    local_v = "local"
    return eval("local_v + '!'")
print(scope())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, e.filename)
try:
    exec("def broken(:\n  pass", {})
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    compile("x = 1", "<s>", "eval")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(exec("1"), eval("  7  "), eval(b"8"))
locs = {}
exec("class K:\n    v = 3\n", {}, locs)
print(locs["K"].v, locs["K"].__module__)
src = "result = sum(range(n))"
env = {"n": 5}
exec(src, env)
print(env["result"])
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print("ValueError:", e)

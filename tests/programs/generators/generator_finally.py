# Generators and finally: unfinished generators closed explicitly; try/finally around yield.
def resource(name):
    print("open", name)
    try:
        yield name
        yield name + "!"
    finally:
        print("close", name)
for v in resource("a"):
    print("got", v)
r = resource("b")
print(next(r))
r.close()
r.close()
def first(it):
    for v in it:
        return v
g = resource("c")
print(first(g))
g.close()
def ret_in_finally():
    try:
        yield 1
    finally:
        return "from finally"
x = ret_in_finally()
next(x)
try:
    x.throw(ValueError)
except StopIteration as e:
    print("StopIteration:", e.value)

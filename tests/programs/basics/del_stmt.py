# del on names, attributes, subscripts, slices and tuples of targets.
a = 1
b = [1, 2, 3, 4, 5]
class O:
    pass
o = O()
o.x = 1
o.y = 2
d = {"k": 1, "j": 2}
del a
del b[0], b[-1]
del o.x
del d["k"]
print(b, vars(o), d)
try:
    print(a)
except NameError as e:
    print("NameError:", e)
del (b[0:1]), [o.y]
print(b, vars(o))
try:
    del o.nope
except AttributeError as e:
    print("AttributeError:", e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)

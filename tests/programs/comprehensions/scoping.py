# Comprehension scoping: loop variables do not leak; the first iterable is evaluated outside.
x = "outer"
print([x for x in range(3)], x)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * factor for v in vals for factor in [vals]]
    except NameError as e:
        err = str(e)
    factor = 3
    try:
        scaled = [v * factor for v in vals]
    except NameError as e:
        err2 = str(e)
print(C.doubled, C.err, C.err2)
def f():
    y = 10
    return [y + i for i in range(3)], {i: y for i in range(2)}
print(f())
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
it = iter([1, 2, 3])
print([a + b for a in [10] for b in it], list(it))

# f-strings: expressions, conversions, format specs, nesting, debug '='.
name, n, pi = "Ouro", 42, 3.14159
print(f"{name} {n} {pi:.2f} {n:>5} {n:#06x} {name!r} {name!a} {'é'!a}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{name:^{width}}]")
print(f"{n=} {pi=:.1f} {name = } {n*2=} {name=!r}")
d = {"k": "v"}
print(f"{d['k']} {d["k"]} {[x * 2 for x in range(3)]} {(lambda: 7)()}")
print(f"{'nested {}'.format(1)} {f'{n}' + f'{f"{n}"}'}")
print(f"{{literal}} {n}{{}}")
print(f"""multi
{n}
line""")
print(f"{3 + 4:b} {-n:+} {1e-3:e} {12345:,}")
print(f"{'a' if n > 3 else 'b'} {n if n else 0}")
x = 7
print(f"{x:{'>' if x else '<'}5}|")
print(rf"raw\n{n}", fr"{n}\t")
print(f"{n!s:>4}|{n!r:<4}|")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __str__(self):
        return "str-of-P"
print(f"{P()} {P():xyz} {P()!s:>30}")

name = "world"
a = f"hello {name}!"
b = f'{name!r:>10} {value:.{precision}f} {x!s} {y!a}'
c = f"{'nested ' + f'{inner!r}'}"
d = f"{x=} {x = :>5} {x=!r}"
e = f"{'quotes' "reused"} {"same" + "quotes"}"
g = f"""multi
line {value
      + 1} end"""
h = f"{'\n'.join(lines)}"
i = rf"raw {path}\d" + fr'\w{x}' + Rf"{y}\n"
j = f"{{literal braces}} {{{value}}}"
k = f"{x:{'>' if right else '<'}{width}}"
l = f"{ {'a': 1}['a'] } {(lambda: 2)()}"
m = f"{a!r:{b}{c}}" f"{d}" "plain" f'{e}'
n = f'{f'{f'{1}'}'}'
o = f"{
    value  # a comment inside a replacement field
}"

# A tiny expression evaluator written with match.
def ev(node, env):
    match node:
        case int() | float() as n:
            return n
        case str(name):
            return env[name]
        case ("neg", x):
            return -ev(x, env)
        case ("+" | "-" | "*" | "/" as op, left, right):
            a, b = ev(left, env), ev(right, env)
            match op:
                case "+":
                    return a + b
                case "-":
                    return a - b
                case "*":
                    return a * b
                case "/":
                    return a / b
        case ("let", str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ("call", {"fn": fn, "args": [*args]}):
            return fn(*[ev(a, env) for a in args])
        case _:
            raise ValueError(f"bad node {node!r}")
prog = ("let", "x", 5, ("+", ("*", "x", "x"), ("neg", ("/", 9, 3))))
print(ev(prog, {}))
print(ev(("call", {"fn": max, "args": [1, ("+", 2, 3), 4]}), {}))
try:
    ev(("?", 1), {})
except ValueError as e:
    print("ValueError:", e)

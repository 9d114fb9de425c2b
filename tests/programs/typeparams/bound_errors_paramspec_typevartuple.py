# A bound on a TypeVarTuple or ParamSpec is a SyntaxError; a tuple there names constraints.
for code in ["def f[**A: str](): pass", "def f[**A: (int, str)](): pass", "class X[*Ts: (int, str)]: pass", "type X[*Ts: int] = int", "type X[**P: ()] = int"]:
    try:
        compile(code, "<s>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

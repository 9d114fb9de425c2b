# Compile-time checks of the code generator: repeated keywords, a bare except not last, assert on a tuple.
import warnings
for src in ["f(a=1, a=2)", "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass",
            "class C(a=1, a=2): pass", "f(**x, a=1, a=2)", "(1)(2)"]:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile("assert (1, 'msg')", "<s>", "exec")
print([str(w.message) for w in caught], caught[0].category.__name__)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile("assert (x, 'msg')", "<s>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_offset)

# CPython's compiler warns about `is` with a literal and about subscripting a literal
# (a missed comma); with warnings as errors they are SyntaxErrors.
import warnings

SOURCES = [
    "x is 1", "x is not 'a'", "1 is x", "x is y is 1", "x == 3 is y", "x is not (1, 2)",
    "x is None", "x is True", "x is ...", "None is x", "x is -1", "if x is 1: pass",
    "if x is not None: pass", "while x is b'': pass",
    "[(1, 2) [3, 4]]", "[[1, 2] [i, j]]", "[123 [i, j]]", "[{1, 2} [0]]", "[None [0]]",
    "['abc' [1.0]]", "[f'{x}' ['a']]", "[(1, 2) [0]]", "[[1] [True]]", "[x [1, 2]]",
    "[(lambda: 0) [0]]", "[(i for i in x) [0]]", "[[1, 2] [0:1]]", "[(1, 2) [x]]",
    "[{1: 2} [3, 4]]",
]
for source in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(source, "<w>", "exec")
    print(repr(source), [(str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for source in ("x is 1", "[1 [2]]"):
        try:
            compile(source, "<w>", "exec")
        except SyntaxError as exc:
            print("SyntaxError:", exc.msg, exc.lineno, exc.offset)

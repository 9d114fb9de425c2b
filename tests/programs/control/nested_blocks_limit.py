# More than 20 nested blocks is CPython's compile-time error; 19 compile.
src = "while 1:\n" + "".join(" " * i + f"while {i}:\n" for i in range(1, 22)) + " " * 22 + "break\n"
try:
    compile(src, "<s>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
src = "while 1:\n" + "".join(" " * i + f"while {i}:\n" for i in range(1, 19)) + " " * 19 + "break\n"
compile(src, "<s>", "exec")
print("19 fine")
src = "".join(" " * i + "try:\n" for i in range(12)) + " " * 12 + "pass\n" + "".join(" " * i + "finally:\n" + " " * (i + 1) + "pass\n" for i in reversed(range(12)))
try:
    compile(src, "<s>", "exec")
    print("try ok")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)

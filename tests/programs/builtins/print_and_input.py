# print keyword arguments; input() at end of input; sys.stdout.write.
import sys
print("a", "b", sep="")
print("no newline", end="")
print(" <- continued")
print(1, 2, 3, sep=", ", end=".\n")
print()
print(*[], sep="x")
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
print(None, [None], {None: None}, sep="|")
n = sys.stdout.write("abc\n")
print(n)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
print("flush", flush=True)

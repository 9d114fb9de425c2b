# __import__ is the program's builtin: the same modules an import statement gives.
s = __import__("sys")
print(s.implementation.name == "ouro" or s.implementation.name == "cpython", s is __import__("sys"))
import sys
print(s is sys)
os_path = __import__("os.path", fromlist=["join"])
print(os_path.join("a", "b"))
j = __import__("json")
print(j.dumps([1]))
import builtins
print(builtins.__import__ is __import__, __import__.__name__)

# An uncaught exception at module level: traceback to stderr, exit status 1, earlier output kept.
print("before the error")
x = 10
y = 0
print(x / y)
print("never printed")

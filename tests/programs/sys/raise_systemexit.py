# raise SystemExit directly with a code from a nested function.
def deep():
    raise SystemExit(7)
try:
    deep()
except Exception:
    print("SystemExit is not an Exception")
finally:
    print("cleanup")

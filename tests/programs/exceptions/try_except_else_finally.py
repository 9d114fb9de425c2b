# try/except/else/finally in all combinations.
def run(action):
    out = []
    try:
        out.append("try")
        if action == "raise":
            raise ValueError("v")
        if action == "other":
            raise KeyError("k")
    except ValueError as e:
        out.append(f"except {e}")
    except (KeyError, IndexError) as e:
        out.append(f"tuple except {e!r}")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
for a in ("ok", "raise", "other"):
    print(run(a))
try:
    try:
        raise TypeError("inner")
    finally:
        print("finally runs before propagation")
except TypeError as e:
    print("outer caught", e)
try:
    {}["x"]
except LookupError as e:
    print("base class catches:", type(e).__name__)
try:
    raise ValueError
except ValueError as e:
    print("raised class, got instance:", repr(e))
try:
    1 / 0
except:
    print("bare except")
def name_unbound():
    try:
        raise ValueError("x")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(name_unbound())

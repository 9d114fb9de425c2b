# Matching order, tuples, subclass ordering, catching BaseException, invalid except targets.
def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except ArithmeticError:
        return "ArithmeticError"
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}"
    except BaseException as e:
        return f"base {type(e).__name__}"
for exc in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), SystemExit(), KeyboardInterrupt()]:
    print(classify(exc))
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as e:
    print("TypeError:", e)
catch = (ValueError, (TypeError, KeyError))
try:
    try:
        raise KeyError
    except catch:
        print("nested tuple works")
except TypeError as e:
    print("nested tuples are not allowed:", e)

# Exceptions raised in except, else and finally blocks; the except target is deleted.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        pass
    except Exception:
        pass
    else:
        raise KeyError("from else")
    finally:
        print("finally after else raised")
except KeyError as e:
    print("else raised", e)
try:
    try:
        raise ValueError("lost")
    finally:
        raise IndexError("finally wins")
except IndexError as e:
    print(repr(e), repr(e.__context__))
e = "outer value"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

# bool is an int subclass.
print(isinstance(True, int), True == 1, hash(True) == hash(1), True + 0.5, sum([True, True, False]))
print(int.__add__(True, True), bool(2), bool(-1), str(True), repr(False), True.__class__.__mro__)
print([10, 20][True], {True: "t", 1: "one"}, f"{True:d}", f"{True}", format(False, ">6"))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)

# The type statement: lazy evaluation, __value__, __type_params__, generic aliases.
type Point = tuple[float, float]
print(Point, type(Point).__name__, Point.__name__, Point.__value__, Point.__type_params__)
type ListOrSet[T] = list[T] | set[T]
print(ListOrSet.__type_params__, ListOrSet.__value__, ListOrSet[int])
type Lazy = Undefined
try:
    Lazy.__value__
except NameError as e:
    print("NameError:", e)
Undefined = int
print(Lazy.__value__)
type Recursive = list[Recursive] | int
print(Recursive.__value__)
def f():
    type Local = dict[str, int]
    return Local
print(f().__value__, f().__module__)
class C:
    type Inner = int
print(C.Inner.__name__, C.Inner.__value__)

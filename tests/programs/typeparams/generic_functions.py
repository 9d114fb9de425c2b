# PEP 695 generic functions: __type_params__, TypeVar attributes, bounds and constraints.
def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 2]), first.__type_params__, type(first.__type_params__[0]).__name__)
T = first.__type_params__[0]
print(T.__name__, T.__bound__, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__)
def bounded[N: int](x: N) -> N:
    return x
def constrained[S: (str, bytes)](x: S) -> S:
    return x
print(bounded.__type_params__[0].__bound__, constrained.__type_params__[0].__constraints__)
print(first.__annotations__)
def many[A, *Ts, **P]() -> None:
    pass
print(many.__type_params__, [type(p).__name__ for p in many.__type_params__])
def plain():
    pass
print(plain.__type_params__)

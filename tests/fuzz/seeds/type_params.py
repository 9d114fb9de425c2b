type Point = tuple[float, float]
type ListOrSet[T] = list[T] | set[T]
type Callback[**P, R] = Callable[P, R]


def first[T](items: list[T]) -> T:
    return items[0]


def constrained[T: (int, str), U: Hashable, *Ts, **P](x: T, *args: *Ts) -> U:
    pass


class Box[T]:
    def get(self) -> T: ...


class Mapping[K: Hashable, V](Base[K, V], metaclass=Meta):
    type Alias[X] = dict[K, X]


async def afunc[T](x: T) -> T: return x

type = 1
print(type)
type.x = 2

# TypeVar.__or__ and TypeVarTuple.__iter__ are C code on 3.12 that builds its result with
# typing's helpers: the result is the program's typing.Union / typing.Unpack.
import pickle
import typing

T = typing.TypeVar("T")
Ts = typing.TypeVarTuple("Ts")

union = T | str
print(union, union == typing.Union[T, str], typing.get_args(union))
print(T | "Forward", typing.get_args(T | "Forward"))

(unpacked,) = [*Ts]
print(typing.get_origin(unpacked) is typing.Unpack, typing.get_args(unpacked))
print(pickle.loads(pickle.dumps(unpacked)) == unpacked)


def f(*args: *Ts) -> None:
    pass


print(typing.get_type_hints(f) == {"args": typing.Unpack[Ts]})


class C(typing.Generic[T]):
    pass


try:
    C[T][*Ts]
except TypeError:
    print("TypeError")  # (the message names Unpack as the host's typing spells it)

# types.MemberDescriptorType / GetSetDescriptorType name the host's descriptor types, so
# dataclasses tells a __slots__ member from a default value and get_type_hints reads classes.
import types
import typing
from dataclasses import dataclass

print(types.MemberDescriptorType.__name__, types.GetSetDescriptorType.__name__)


class S:
    __slots__ = ("x",)


print(isinstance(S.__dict__["x"], types.MemberDescriptorType))
print(isinstance(type.__dict__["__annotations__"], types.GetSetDescriptorType))


@dataclass
class C:
    __slots__ = ("x",)
    x: int


try:
    C()
except TypeError as exc:
    print("TypeError:", exc)
print(C(10))


@dataclass
class Base:
    __slots__ = ("x",)
    x: object


@dataclass
class Derived(Base):
    x: int
    y: int


print(Derived(1, 2))


class Plain:
    pass


print(typing.get_type_hints(Plain), typing.get_type_hints(int))

# Type aliases and type variables made by calling their classes are named after the module
# that called them; exec'd code without __name__ gives None.
from typing import ParamSpec, TypeAliasType, TypeVar

TA = TypeAliasType("TA", int)
print(TA.__name__, TA.__value__, TA.__type_params__, TA.__module__)
T = TypeVar("T")
Generic = TypeAliasType("Generic", list[T], type_params=(T,))
print(Generic.__module__, Generic[int], TypeVar("U").__module__, ParamSpec("P").__module__)
ns = {}
exec("type X = int\nfrom typing import TypeVar\nV = TypeVar('V')", ns, ns)
print(ns["X"].__module__, ns["V"].__module__)
ns = {"__name__": "elsewhere"}
exec("type Y = str", ns)
print(ns["Y"].__module__)

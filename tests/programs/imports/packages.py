# Packages: __init__, submodules, relative imports, attributes set on the parent package.
import _pkg
print(_pkg.PKG_CONST, _pkg.core_func(), _pkg.__name__, _pkg.__package__)
from _pkg.sub import leaf
print(leaf.describe())
import _pkg.sub.leaf as L
print(L is leaf, hasattr(_pkg, "sub"), _pkg.sub.SUB, _pkg.sub.cf())
from _pkg import core
print(core.__name__, core.__package__)

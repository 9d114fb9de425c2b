from .. import PKG_CONST
from ..core import core_func as cf
SUB = "sub of " + PKG_CONST

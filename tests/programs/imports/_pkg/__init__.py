print("package _pkg initialised")
from .core import core_func
PKG_CONST = "pkg"

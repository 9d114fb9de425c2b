"""Module docstring."""
from __future__ import annotations

import os
import os.path as osp, sys
from . import sibling
from .. import parent
from ...package.module import (name1 as n1, name2,
                               name3)
from .module import *
from collections.abc import Mapping

__all__ = ["main"]
counter = 0


def main():
    global counter, other
    import json
    from json import loads as _loads

    def helper():
        nonlocal json
        return json

    return helper


if __name__ == "__main__":
    main()

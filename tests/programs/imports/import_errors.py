# Failing imports: missing modules, missing names, errors during import, retry behaviour.
import sys
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _helper import missing_name
except ImportError as e:
    print("ImportError:", e)
try:
    import _broken
except ValueError as e:
    print("ValueError:", e, "| in sys.modules:", "_broken" in sys.modules)
try:
    import _broken
except ValueError as e:
    print("second attempt runs it again:", e)
try:
    from . import anything
except ImportError as e:
    print("ImportError:", e)
try:
    import _pkg.core.nope
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

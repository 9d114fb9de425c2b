# A bad replacement template raises the program's re.error (the C matcher compiles
# templates with re's own helper).
import re

for template in ("\\c", "\\g<1", "\\400", "\\g<1073741823>", "\\1"):
    try:
        print(repr(re.sub("(a)" if template == "\\1" else "a", template, "a")))
    except re.error as exc:
        print("re.error:", exc)
print(re.sub("(?P<x>b)", r"[\g<x>]", "abc"))

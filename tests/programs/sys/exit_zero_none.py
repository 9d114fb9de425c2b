# sys.exit() and sys.exit(None) mean status 0; SystemExit can be caught.
import sys
for arg in [(), (None,), (0,), (5,), ("text",), ([1, 2],)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(arg, "->", repr(e.code), e.args)
exit_obj = SystemExit(1, 2)
print(exit_obj.code)
sys.exit()

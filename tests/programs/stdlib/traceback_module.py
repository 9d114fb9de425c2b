# traceback.print_exc/format_exc/format_exception and logging.exception show the program's frames.
import traceback, logging, sys
def inner():
    return 1 / 0
def outer():
    inner()
try:
    outer()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(text.splitlines()[0], len(text.splitlines()))
    e = sys.exc_info()[1]
    print("".join(traceback.format_exception(e)).splitlines()[-1])
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)).splitlines()[-1])
    traceback.print_exception(e, file=sys.stdout)
print(traceback.format_exc())
logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
try:
    {}["k"]
except KeyError:
    logging.exception("failed")
print(traceback.format_exception_only(ValueError, ValueError("x")))

# atexit handlers run in reverse order at exit, after the main program, also on sys.exit.
import atexit
import sys
def bye(name):
    print("bye", name)
atexit.register(bye, "first")
atexit.register(bye, "second")
@atexit.register
def decorated():
    print("decorated handler")
atexit.register(bye, "unregistered")
atexit.unregister(bye)
atexit.register(bye, "third")
print("main done")
sys.exit(4)

# The sys module's attributes: missing names, setting and deleting, a lost sys.stdout.
import sys
try:
    sys.spam
except AttributeError as e:
    print(e)
sys.spam = 1
print(sys.spam)
del sys.spam
try:
    del sys.spam
except AttributeError as e:
    print("del:", e)
saved = sys.stdout
del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    sys.stdout = saved
    print("RuntimeError:", e)

# sys.exit with an integer status; output before it is kept; finally blocks run.
import sys
print("exiting with 3")
try:
    sys.exit(3)
finally:
    print("finally runs during exit")
print("not reached")

# sys.exit with a non-integer, non-string object prints its str and exits 1.
import sys
sys.exit([1, "two"])

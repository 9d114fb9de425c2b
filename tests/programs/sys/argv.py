# args: first "second arg" --flag=3
# sys.argv: the script name as given, then the arguments.
import sys
print(sys.argv, len(sys.argv))
print([a.upper() for a in sys.argv[1:]])

# An exception raised while a module is imported: the traceback shows the import line without carets.
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import _broken

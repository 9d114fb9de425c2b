# Portable sys attributes.
import sys
print(sys.version_info[:2] == (3, 12), sys.version_info.major, sys.maxsize == 2 ** 63 - 1, sys.byteorder)
print(sys.platform.startswith("linux"), type(sys.path).__name__, sys.path[0] != "", "sys" in sys.modules)
print(sys.getdefaultencoding(), sys.stdout.encoding, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit > 0)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, sys.hash_info.width, sys.maxunicode)
print(callable(sys.exit), sys.argv[0], sys.stdin is sys.__stdin__, sys.getsizeof(0) > 0)
print(sys.dont_write_bytecode, type(sys.builtin_module_names).__name__)

ints = [0, 1, 1_000_000, 0x_FF, 0o17, 0b1010, 0XdeadBEEF, 00]
floats = [1.0, .5, 5., 1e10, 1E-5, 3.14_15, 1_0.0_1e+1_0]
imaginary = [1j, 2.5J, 1e3j, 0j]
strings = ['single', "double", '''triple
single''', """triple
double""", 'it\'s', "say \"hi\""]
raw = [r'\d+', R"\n", rb'\x00', Br'raw', rB"\\"]
escapes = '\t\n\r\\\x41\101\u00e9\U0001F600\N{BULLET}\
continued'
data = b'bytes \x00\xff' b"more"
joined = 'a' 'b' "c" '''d'''
unicode = 'héllo wörld ✓ 日本語'
special = [None, True, False, ..., Ellipsis, NotImplemented]

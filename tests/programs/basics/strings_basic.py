# String literals, escapes, indexing, slicing.
s = "Hello, World"
print(s[0], s[-1], s[2:5], s[::-1], s[::2], s[-5:], s[:-7], s[100:], s[1:10:3])
print('single', "double", '''triple
line''', """x""")
print("tab\there", "nl\\n", "quote\"s", 'it\'s', "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}")
print(r"raw\n\t", rb"raw\bytes", len("\n"), len(r"\n"))
print("abc" "def", "a" * 3, 3 * "bc", "" * 10)
print(len("héllo"), "héllo".encode(), ord("é"), chr(955))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\t\x00\x7f\u200b"))
print("x" in "xyz", "xyz".index("z"), "xyz".find("q"))
print(str(12), str(1.5), str([1, "a"]), str(None))
print("ab" < "b", "Z" < "a", max("hello"), sorted("banana"))

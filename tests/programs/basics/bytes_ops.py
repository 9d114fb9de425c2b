# bytes and bytearray.
b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]))
print(b"abc" + b"def", b"ab" * 2, b"x" in b"xyz", 120 in b"xyz")
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), "é".encode("latin-1"))
print(b"a,b".split(b","), b"  x ".strip(), b"abc".upper(), b"hello".hex(), bytes.fromhex("41 42"))
ba = bytearray(b"abc")
ba[0] = 120
ba.append(100)
ba.extend(b"ef")
ba += b"!"
del ba[1]
print(ba, len(ba), bytes(ba), ba.decode())
print(b"\xc3\xa9".decode("utf-8"), b"\xff".decode("utf-8", "replace"), b"abc".decode("ascii"))
print(repr(b"'"), repr(b'"'), repr(b"\t\n\r\x7f"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
mv = memoryview(b"abcdef")
print(mv[2], bytes(mv[1:4]), mv.tobytes())
print(b"%d-%s" % (5, b"x"), b"abc".find(b"c"), b"a-b".replace(b"-", b"+"))

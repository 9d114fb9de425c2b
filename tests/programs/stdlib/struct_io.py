# struct, io.StringIO/BytesIO, base64, hashlib (digests of fixed bytes).
import struct
import io
import base64
import hashlib
import binascii
packed = struct.pack("<iHd", -2, 65535, 1.5)
print(packed, struct.unpack("<iHd", packed), struct.calcsize("<iHd"), struct.calcsize("@i"))
buf = io.StringIO()
buf.write("line1\n")
print("line2", file=buf)
buf.seek(0)
print(buf.readlines(), buf.getvalue().count("\n"))
b = io.BytesIO(b"abcdef")
print(b.read(2), b.tell(), b.read(), b.getvalue())
print(base64.b64encode(b"ouro"), base64.b64decode("b3Vybw=="), binascii.hexlify(b"\x01\xff"))
print(hashlib.sha256(b"ouro").hexdigest()[:16], hashlib.md5(b"").hexdigest())
print(binascii.crc32(b"hello"))

# json: malformed documents raise json.JSONDecodeError (from the C scanner and from the
# Python code around it), caught by class; its attributes; round trips through hooks.
import json
import io
from collections import OrderedDict
from decimal import Decimal

BAD = [
    "",                      # Expecting value (raised by decoder.py)
    "[1, 2",                 # Expecting ',' delimiter (C scanner)
    "[1 2]",
    '{"a" 1}',               # Expecting ':' delimiter
    "{'a': 1}",              # property name enclosed in double quotes
    '{"a": 1,}',             # trailing comma
    '"abc',                  # Unterminated string
    '"tab\there"',           # Invalid control character
    '"\\x"',                 # Invalid \escape
    '"\\u12"',               # Invalid \uXXXX escape
    "[1]\n  x",              # Extra data
    '{\n  "k": [\n    1,\n    nul\n  ]\n}',
]
for doc in BAD:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(f"{e.msg!r:52} pos={e.pos} line={e.lineno} col={e.colno} doc_same={e.doc is doc}")
        print("   ", e)
for doc in ["[1,", "{"]:
    try:
        json.loads(doc)
    except ValueError as e:  # a JSONDecodeError is a ValueError
        print(type(e).__name__, type(e).__module__, isinstance(e, json.JSONDecodeError), e.args)
try:
    json.load(io.StringIO('{"x": [true, false, nope]}'))
except json.decoder.JSONDecodeError as e:
    print("load:", e)
try:
    json.decoder.scanstring('"never closed', 1)
except json.JSONDecodeError as e:
    print("scanstring:", e.msg, e.pos)
print(json.JSONDecodeError is json.decoder.JSONDecodeError, json.JSONDecodeError.__mro__[1].__name__)
e = json.JSONDecodeError("Custom problem", "ab\ncd", 4)
print(e, e.lineno, e.colno, e.__reduce__()[1])

# The pure-Python scanner raises the same class.
decoder = json.JSONDecoder()
decoder.scan_once = json.scanner.py_make_scanner(decoder)
for doc in ['{"a": [1, 2', '{"a" 1}']:
    try:
        decoder.decode(doc)
    except json.JSONDecodeError as e:
        print("py scanner:", e)

# Round trips with hooks.
data = {"b": [1, 2.5, {"c": None}], "a": "ü", "n": 12345678901234567890}
text = json.dumps(data, sort_keys=True)
print(text, json.loads(text) == data)
print(json.loads(text, object_pairs_hook=OrderedDict))
print(json.loads(text, object_hook=lambda d: {k.upper(): v for k, v in d.items()}))
print(json.loads('[1.10, 2, 3e2]', parse_float=Decimal, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda name: f"<{name}>"))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)

def as_point(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d

shapes = {"origin": Point(0, 0), "corner": Point(3, 4), "price": Decimal("9.99")}
encoded = json.dumps(shapes, cls=PointEncoder, sort_keys=True, indent=1)
print(encoded)
back = json.loads(encoded, object_hook=as_point)
print(sorted((k, (v.x, v.y) if isinstance(v, Point) else v) for k, v in back.items()))
try:
    json.dumps({"p": Point(1, 2)})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True), json.dumps([1, [2, 3]], separators=(",", ":")))

class StrictDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_pairs_hook=self.pairs, **kw)
    def pairs(self, items):
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate keys in {keys}")
        return dict(items)

print(json.loads('{"a": 1, "b": 2}', cls=StrictDecoder))
try:
    json.loads('{"a": 1, "a": 2}', cls=StrictDecoder)
except json.JSONDecodeError:
    print("not a decode error")
except ValueError as e:
    print("ValueError:", e)
print(json.loads('"\\ud83d\\ude00 \\u00e9"'), json.dumps("\U0001f600 é"), json.dumps("é", ensure_ascii=False))

# The C scanner raises the JSONDecodeError of the json.decoder in sys.modules at that moment
# (CPython's test_json makes fresh copies of json and puts the original back).
import importlib
import sys
saved = {name: sys.modules.pop(name) for name in sorted(sys.modules) if name.split(".")[0] == "json"}
fresh = importlib.import_module("json")
print("fresh copy:", fresh is not json, fresh.JSONDecodeError is not json.JSONDecodeError)
try:
    fresh.loads("[1 2]")
except json.JSONDecodeError:
    print("the fresh copy raised the fresh class? no")
except fresh.JSONDecodeError:
    print("while the fresh copy is in sys.modules: its own class")
sys.modules.update(saved)
try:
    fresh.loads("[1 2]")
except fresh.JSONDecodeError:
    print("original back: the fresh class? no")
except json.JSONDecodeError:
    print("original back in sys.modules: the original class")
del sys.modules["json.decoder"]
try:
    json.loads("[1 2]")
except json.JSONDecodeError:
    print("removed: the old class? no")
except ValueError as e:
    print("removed: imported anew", type(e) is sys.modules["json.decoder"].JSONDecodeError)

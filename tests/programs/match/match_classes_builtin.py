# Class patterns on builtin types that match the subject itself; matching dicts of lists.
def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i) if i < 0:
            return "negative int"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"id": int(i)}):
            return f"record {i}"
        case set() | frozenset():
            return "a set"
        case _:
            return "other"
for v in [True, -3, 7, 1.5, "s", b"b", [9, 8], (), {"id": 5}, {"id": "x"}, {1}, frozenset(), None]:
    print(kind(v))

# json: dumps options, loads, custom encoders, errors.
import json
data = {"name": "Ouro", "list": [1, 2.5, None, True], "nested": {"é": "ü"}, "n": 10 ** 20}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.loads(s) == data, json.loads('{"a": [1, {"b": null}]}'), json.loads("1e3"), json.loads('"\\u00e9"'))
print(json.dumps([float("inf")]), json.dumps("tab\t"), json.dumps((1, 2)), json.dumps({1: 2}), json.dumps(separators=(",", ":"), obj={"a": [1, 2]}))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: vars(o)))
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))

# Mixins and cooperative __init__ through super() with keyword arguments.
class JsonMixin:
    def to_json(self):
        import json
        return json.dumps(vars(self), sort_keys=True)
class ReprMixin:
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"
class Base:
    def __init__(self, *, name, **kw):
        super().__init__(**kw)
        self.name = name
class Timestamped:
    def __init__(self, *, stamp=0, **kw):
        super().__init__(**kw)
        self.stamp = stamp
class Record(ReprMixin, JsonMixin, Base, Timestamped):
    def __init__(self, value, **kw):
        super().__init__(**kw)
        self.value = value
r = Record(3, name="r1", stamp=99)
print(r, r.to_json(), [c.__name__ for c in Record.__mro__])

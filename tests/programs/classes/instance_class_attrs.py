# Attribute lookup order across instance, class, bases and metaclass; mutable class attributes.
class Meta(type):
    where = "metaclass"
    shadowed = "metaclass"
class Base(metaclass=Meta):
    shared = []
    shadowed = "base"
class Sub(Base):
    pass
a, b = Sub(), Sub()
a.shared.append(1)
print(b.shared, Sub.where, Sub.shadowed)
try:
    a.where
except AttributeError as e:
    print("AttributeError:", e)
a.shared = ["own"]
print(a.shared, b.shared, Base.shared)
print(getattr(Sub, "__name__"), Sub.__dict__.get("shared"), "shared" in Base.__dict__)
print(type(Sub.__dict__).__name__, sorted(k for k in vars(Base) if not k.startswith("__")))

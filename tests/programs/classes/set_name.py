# __set_name__ on descriptors and the order of calls during class creation.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
class Model(Base):
    first = Field()
    second = Field()
m = Model()
m.first = 10
print(m.first, m.second, vars(m), Model.first.name)
class Late:
    pass
f = Field()
Late.attr = f
print(hasattr(f, "name"))

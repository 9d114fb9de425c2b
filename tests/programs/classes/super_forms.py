# super(): zero-argument, explicit two-argument, in classmethods, in __init__, unbound.
class Base:
    def __init__(self, v):
        self.v = v
    def m(self):
        return "Base.m"
    @classmethod
    def make(cls):
        return f"Base.make for {cls.__name__}"
class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def m(self):
        return "Child.m > " + super().m()
    def explicit(self):
        return super(Child, self).m()
    @classmethod
    def make(cls):
        return "Child.make > " + super().make()
c = Child(5)
print(c.v, c.m(), c.explicit(), Child.make(), super(Child, c).m())
class Grand(Child):
    def m(self):
        return "Grand.m > " + super(Child, self).m()
print(Grand(1).m())
print(super(Child, Child).make())
def outside(self):
    return super(Child, self).m()
print(outside(c))
class Bad:
    def m(self):
        def inner():
            return super().m()
        return inner()
try:
    Bad().m()
except RuntimeError as e:
    print("RuntimeError:", e)
sup = super(Child, c)
print(type(sup).__name__, sup.__thisclass__.__name__, sup.__self_class__.__name__)

# Inheritance, overriding, isinstance/issubclass.
class Animal:
    sound = "..."
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Cat(Animal):
    sound = "meow"
class Lion(Cat):
    def speak(self):
        return super().speak().upper()
for a in (Animal(), Cat(), Lion()):
    print(a.speak())
print(issubclass(Lion, Animal), isinstance(Lion(), Cat), issubclass(bool, int), issubclass(Cat, (int, Animal)))
print(Lion.__mro__, Lion.__base__, Animal.__subclasses__())
class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), type(m[:2]).__name__, len(m))
class MyDict(dict):
    def __missing__(self, key):
        return f"no {key}"
print(MyDict(a=1)["a"], MyDict()["zz"])

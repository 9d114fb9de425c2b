# Classes: instances, attributes, methods, class attributes, __dict__.
class Dog:
    species = "canis"
    def __init__(self, name):
        self.name = name
        self.tricks = []
    def add(self, trick):
        self.tricks.append(trick)
        return self
d = Dog("rex").add("sit").add("roll")
e = Dog("fido")
print(d.name, d.tricks, e.tricks, d.species, Dog.species)
e.species = "own"
print(e.species, Dog.species, sorted(vars(e)), Dog.__name__, Dog.__qualname__, Dog.__module__)
Dog.species = "changed"
print(d.species, type(d) is Dog, isinstance(d, object), Dog.__bases__)
print(Dog.add.__qualname__, type(d.add).__name__, d.add.__self__ is d, d.add.__func__ is Dog.add)

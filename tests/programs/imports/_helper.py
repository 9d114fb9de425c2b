"""A helper module imported by the programs in this folder (not a program itself)."""
print("helper module executing, __name__ =", __name__)
VALUE = 42
_private = "underscore"
def greet(name):
    return f"hello {name}"
class Thing:
    def __repr__(self):
        return "Thing()"
__all__ = ["VALUE", "greet"]

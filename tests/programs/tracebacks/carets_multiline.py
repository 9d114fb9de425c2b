# Error positions inside a larger expression and a call spanning lines.
def ratio(a, b):
    return a / b
values = {"a": 1, "b": 0}
result = (values["a"] +
          ratio(values["a"],
                values["b"]))

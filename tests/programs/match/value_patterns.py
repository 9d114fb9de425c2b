# Dotted value patterns compare with ==; enum members.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Consts:
    ANSWER = 42
def m(x):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Consts.ANSWER:
            return "the answer"
        case _:
            return "unknown"
print(m(Color.RED), m(Color.GREEN), m(42), m(42.0), m(1))

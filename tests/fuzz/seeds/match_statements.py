match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", ("north" | "south" | "east" | "west") as direction]:
        pass
    case ["drop", *objects]:
        pass
    case []:
        pass
    case _:
        pass

match point:
    case Point(x=0, y=0):
        print("Origin")
    case Point(x=0, y=y) if y > 0:
        print(f"Y={y}")
    case Point(1, 2, z=3):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {}:
        pass
    case (1 | 2 | 3) as small:
        pass
    case -1 | 1.5 | 2 + 3j | -4 - 5j | "s" "t" | b"" | None | True | False:
        pass
    case Color.RED | mod.sub.CONST:
        pass
    case [1, [2, *_], (3, 4)] | (5, 6,):
        pass
    case str() | bytes():
        pass

match = 1
case = match
match(x)
match[0] = case
_ = match, case

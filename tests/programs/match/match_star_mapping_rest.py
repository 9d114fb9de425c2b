# Star captures with names and wildcards; **rest keeps order; nested mappings in sequences.
config = [{"name": "a", "opts": {"v": 1, "w": 2, "z": 3}}, {"name": "b"}]
for entry in config:
    match entry:
        case {"name": n, "opts": {"v": v, **others}}:
            print(n, v, others)
        case {"name": n}:
            print(n, "no options")
match list(range(10)):
    case [0, 1, *_, 9]:
        print("0, 1 ... 9")
match "spam eggs ham".split():
    case [verb, *objs]:
        print(verb, objs)
match {"a": 1}:
    case {"a": 1, **rest}:
        print("rest", rest)

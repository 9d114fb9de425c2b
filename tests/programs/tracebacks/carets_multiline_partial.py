# Calls spanning lines that start after other code on their first line: CPython 3.12 marks
# from the call to the end of that line (and nothing when the call is the whole line).
def check(*parts):
    raise ValueError(len(parts))


def outer():
    items = [1] + check(1,
                        2)
    return items


def middle():
    return outer(
    )


total = 1 + middle(
)   # trailing comment

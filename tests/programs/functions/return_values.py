# return: implicit None, tuples, early exit, from nested loops.
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(items):
    for row in items:
        for x in row:
            if x < 0:
                return ("negative", x)
    return "all non-negative"
print(nothing(), bare(), multi(), early([[1, 2], [3, -4, 5]]), early([[1]]))
a, b, c = multi()
print(a, b, c)
def conditional(x):
    if x:
        return "yes"
print(conditional(1), conditional(0))

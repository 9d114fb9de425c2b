# nonlocal counters and independent closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
inc1(); inc1(5); inc2()
print(get1(), get2())
print(inc1.__code__.co_freevars, make_counter.__code__.co_cellvars)
print([c.cell_contents for c in inc1.__closure__])

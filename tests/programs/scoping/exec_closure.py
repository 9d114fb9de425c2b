# exec/eval of a code object with free variables: 3.12's closure= argument and its errors.
def f(x): return lambda: x+1
g=f(3)
for call in (lambda: eval(g.__code__), lambda: exec(g.__code__, {}), lambda: exec(g.__code__, {}, closure=(1,)), lambda: exec(compile('1','s','exec'), {}, closure=(1,))):
    try: print(call())
    except TypeError as e: print(e)
def h():
    y = 5
    def k(): print('k sees', y)
    return k
k = h()
print(exec(k.__code__, {}, closure=k.__closure__))

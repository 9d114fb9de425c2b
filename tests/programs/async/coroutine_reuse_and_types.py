# A finished coroutine refuses throw() as it refuses send(); its awaitable cannot be copied;
# the types of generators, coroutines, frames and code objects print as CPython's.
import copy
async def c(): return 1
co = c()
try: co.send(None)
except StopIteration as e: print("done", e.value)
for exc in (ValueError("x"), GeneratorExit()):
    try: co.throw(exc)
    except BaseException as e: print(type(e).__name__, e)
co.close()
co2 = c()
try: copy.copy(co2.__await__())
except TypeError as e: print("TypeError", e)
co2.close()
def g(): yield 1
gen = g(); next(gen)
try: next(gen)
except StopIteration: pass
try: gen.throw(ValueError("y"))
except ValueError as e: print("gen", e)
print(type(gen), type(co))
async def c(): pass
async def ag(): yield 1
import sys
gen = g(); co = c(); a = ag()
print(type(gen), type(co), type(a), type(co.__await__()), type(a.asend(None)), type(a.athrow(ValueError)))
print(type(sys._getframe()), type(g), type(g.__code__))
co.close(); 

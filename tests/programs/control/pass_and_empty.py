# pass in every kind of suite.
def f():
    pass
class C:
    pass
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
with open(__file__.rsplit("/", 1)[-1]) as fh:
    pass
print(f(), C.__name__, fh.closed)

# assert with and without a message.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("empty:", repr(e), e.args)
try:
    assert [], f"list was {[]!r}"
except AssertionError as e:
    print("msg:", e)
def check(x):
    assert x > 0, ("tuple", x)
try:
    check(-1)
except AssertionError as e:
    print(e.args)
print(__debug__)

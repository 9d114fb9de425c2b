# A key repeated across two ** mappings is named even when it is not a string;
# a lone non-string key is "keywords must be strings".
def f(*args, **kwargs):
    return args, kwargs


for call in (
    lambda: f(**{1: 3}, **{1: 5}),
    lambda: f(**{1: 3}),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(**{"a": 1}, **{1: 2}),
):
    try:
        print(call())
    except TypeError as exc:
        print("TypeError:", exc)

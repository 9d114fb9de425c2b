import functools


@functools.lru_cache(maxsize=None)
@decorator.with_args(1, key="v")
def compute(a, b, /, c, d=4, *args, e, f=6, **kwargs) -> int:
    """Docstring."""
    global counter
    counter += 1
    return a + b + c + d + e + f


def outer():
    value = 0

    def inner(x: int = 1, *, y: "str" = "") -> None:
        nonlocal value
        value += x
        del x

    return inner


def generator(n):
    yield
    yield n
    received = yield n + 1
    yield from range(n)
    return received


async def coroutine(session, *urls):
    result = await session.get(*urls)
    return result


def only_star(*, a, b=2): pass
def only_slash(a, /): ...
def annotated(a: list[int], *args: *Ts, **kw: dict[str, int]) -> tuple[int, ...]: pass

@(lambda f: f)
def decorated_by_expression(): pass

"""Async generators, and the generator throw/close paths they build on, run by Ouro.

Programs are compiled and run by Ouro; the host's asyncio drives the coroutines, as it does
when an Ouro program calls ``asyncio.run``. Expected values are CPython 3.12's behaviour.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import sys
import types
from collections.abc import Iterator

import pytest

from ouro.compiler import compile_source
from ouro.vm import execute

PRELUDE = "import asyncio\n"


def namespace(source: str) -> dict[str, object]:
    names: dict[str, object] = {"__name__": "__main__"}
    execute(compile_source(PRELUDE + source, "<test>"), names)
    return names


def run(source: str, main: str = "main") -> object:
    """Define ``source`` in Ouro and run its coroutine function ``main`` with asyncio."""
    function = namespace(source)[main]
    return asyncio.run(function())  # type: ignore[operator]


@pytest.fixture
def no_hooks() -> Iterator[None]:
    """asyncio.run installs and restores hooks; tests that set their own start clean."""
    saved = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(None, None)
    try:
        yield
    finally:
        sys.set_asyncgen_hooks(*saved)


TICKER = """
log = []
async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append("cleanup")
"""


def test_async_for_and_comprehensions() -> None:
    source = (
        TICKER
        + """
async def double(x):
    await asyncio.sleep(0)
    return 2 * x
async def main():
    out = []
    async for t in ticker(3):
        out.append(t)
    out.append([x async for x in ticker(2)])
    out.append({x: await double(x) async for x in ticker(3) if x})
    gen = (await double(x) for x in range(3))
    out.append([y async for y in gen])
    out.append(log)
    return out
"""
    )
    assert run(source) == [
        0,
        1,
        2,
        [0, 1],
        {1: 2, 2: 4},
        [0, 2, 4],
        ["cleanup", "cleanup", "cleanup"],
    ]


def test_object_looks_like_cpythons() -> None:
    names = namespace(TICKER + "g = ticker(1)\n")
    g = names["g"]
    assert type(g).__name__ == "async_generator"
    assert isinstance(g, types.AsyncGeneratorType)
    assert inspect.isasyncgen(g)
    assert repr(g).startswith("<async_generator object ticker at 0x")
    assert (g.__name__, g.__qualname__) == ("ticker", "ticker")  # type: ignore[attr-defined]
    assert g.ag_code.co_name == "ticker"  # type: ignore[attr-defined]
    assert g.ag_running is False and g.ag_await is None  # type: ignore[attr-defined]
    assert g.ag_frame is not None  # type: ignore[attr-defined]
    assert not hasattr(g, "send") and not hasattr(g, "__next__")
    assert g.__aiter__() is g  # type: ignore[attr-defined]
    step = g.asend(None)  # type: ignore[attr-defined]
    assert type(step).__name__ == "async_generator_asend"
    step.close()


def test_asend_athrow_aclose() -> None:
    source = """
async def echo():
    got = None
    try:
        while True:
            try:
                got = yield f"got {got}"
            except ValueError as e:
                got = f"caught {e}"
    finally:
        await asyncio.sleep(0)
        print_ = None
async def main():
    e = echo()
    out = [await e.asend(None), await e.asend("x"), await e.athrow(ValueError("v"))]
    out.append(await anext(e))
    out.append(await e.aclose())
    try:
        await anext(e)
    except StopAsyncIteration:
        out.append("exhausted")
    out.append(await e.athrow(KeyError))  # a finished generator: nothing happens
    return out
"""
    assert run(source) == [
        "got None",
        "got x",
        "got caught v",
        "got None",
        None,
        "exhausted",
        None,
    ]


def test_runtime_errors() -> None:
    source = """
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def slow():
    await asyncio.sleep(0.001)
    yield 1
async def bad():
    yield 1
    raise StopAsyncIteration
async def main():
    out = []
    s = stubborn()
    await anext(s)
    try:
        await s.aclose()
    except RuntimeError as e:
        out.append(str(e))
    step = stubborn().asend(None)
    await step
    try:
        await step
    except RuntimeError as e:
        out.append(str(e))
    g = slow()
    task = asyncio.ensure_future(anext(g))
    await asyncio.sleep(0)
    for make in (g.__anext__, g.aclose, lambda: g.athrow(ValueError)):
        try:
            await make()
        except RuntimeError as e:
            out.append(str(e))
    out.append(await task)
    try:
        await stubborn().asend(1)
    except TypeError as e:
        out.append(str(e))
    b = bad()
    await anext(b)
    try:
        await anext(b)
    except RuntimeError as e:
        out.append(str(e))
    return out
"""
    assert run(source) == [
        "async generator ignored GeneratorExit",
        "cannot reuse already awaited __anext__()/asend()",
        "anext(): asynchronous generator is already running",
        "aclose(): asynchronous generator is already running",
        "athrow(): asynchronous generator is already running",
        1,
        "can't send non-None value to a just-started async generator",
        "async generator raised StopAsyncIteration",
    ]


def test_athrow_three_arguments_warns() -> None:
    source = (
        TICKER
        + """
async def main():
    g = ticker(3)
    await anext(g)
    try:
        await g.athrow(ValueError, ValueError("old"), None)
    except ValueError as e:
        return str(e)
"""
    )
    with pytest.warns(
        DeprecationWarning, match=r"signature of athrow\(\) is deprecated"
    ):
        assert run(source) == "old"


@pytest.mark.usefixtures("no_hooks")
def test_hooks_firstiter_and_finalizer() -> None:
    names = namespace(TICKER)
    seen: list[str] = []
    finalized: list[object] = []
    sys.set_asyncgen_hooks(
        firstiter=lambda agen: seen.append(agen.__name__), finalizer=finalized.append
    )
    g = names["ticker"](2)  # type: ignore[operator]
    assert seen == []
    step = g.__anext__()
    assert seen == ["ticker"]
    with pytest.raises(StopIteration):  # the awaited sleep(0), then the yielded 0
        step.send(None)
        step.send(None)
    del step, g
    gc.collect()
    assert len(finalized) == 1 and names["log"] == []
    with pytest.raises(StopIteration):
        finalized[0].aclose().send(None)  # type: ignore[attr-defined]
    assert names["log"] == ["cleanup"]


def test_asyncio_run_finalizes_what_is_left() -> None:
    source = (
        TICKER
        + """
kept = []
async def main():
    for name in range(2):
        g = ticker(5)
        await anext(g)
        kept.append(g)
    return len(log)
"""
    )
    names = namespace(source)
    assert asyncio.run(names["main"]()) == 0  # type: ignore[operator]
    assert names["log"] == ["cleanup", "cleanup"]  # shutdown_asyncgens closed both


# --- generators: throw and close through yield from -----------------------------------------


YIELD_FROM = """
log = []
def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "inner caught"
    finally:
        log.append("inner finally")
    return "inner result"
def outer():
    try:
        result = yield from inner()
        yield result
    finally:
        log.append("outer finally")
"""


def test_throw_goes_to_the_delegate() -> None:
    names = namespace(YIELD_FROM)
    g = names["outer"]()  # type: ignore[operator]
    assert next(g) == 1
    assert g.throw(KeyError) == "inner caught"
    assert next(g) == "inner result"  # the delegate returned: yield from is done
    g.close()
    assert names["log"] == ["inner finally", "outer finally"]


def test_close_closes_the_delegate_first() -> None:
    names = namespace(YIELD_FROM)
    g = names["outer"]()  # type: ignore[operator]
    next(g)
    g.close()
    assert names["log"] == ["inner finally", "outer finally"]
    assert g.gi_frame is None


def test_throw_checks_and_warns() -> None:
    names = namespace("def g():\n    yield 1\n")
    g = names["g"]()  # type: ignore[operator]
    next(g)
    with pytest.raises(TypeError, match="throw expected at least 1 argument, got 0"):
        g.throw()
    with pytest.raises(TypeError, match="exceptions must be classes or instances"):
        g.throw(1)
    deprecated = r"signature of throw\(\) is deprecated"
    with (
        pytest.warns(DeprecationWarning, match=deprecated),
        pytest.raises(
            TypeError, match="instance exception may not have a separate value"
        ),
    ):
        g.throw(ValueError("a"), "b")
    with (
        pytest.warns(DeprecationWarning, match=deprecated),
        pytest.raises(ValueError, match="old style"),
    ):
        g.throw(ValueError, "old style")


def test_collected_generator_runs_its_finally() -> None:
    names = namespace(YIELD_FROM)
    g = names["outer"]()  # type: ignore[operator]
    next(g)
    del g
    assert names["log"] == ["inner finally", "outer finally"]

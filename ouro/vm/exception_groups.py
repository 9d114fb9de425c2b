"""``except*``: splitting an exception group, and what is raised when the clauses are done.

``check_match`` is CHECK_EG_MATCH's work: it splits the group being handled into the part a
clause's type matches and the rest (a naked exception is wrapped in a group first).
``prep_reraise_star`` is INTRINSIC PREP_RERAISE_STAR's: given the group caught and, in order,
what each clause raised and the rest no clause matched, it builds the one exception that leaves
the ``try`` statement (CPython's rules, from the language reference and test_except_star):

* nothing left: None, and execution continues after the statement;
* a naked exception was caught: at most one clause ran, so it is what that clause raised,
  or the exception itself if no clause matched;
* otherwise each exception left is a *re-raise* (``raise`` with no argument, or the part no
  clause matched) when it carries the caught group's metadata, or a new one.  The re-raised
  leaves are cut out of the caught group, which keeps its nesting; new ones are gathered with
  that projection into ``ExceptionGroup("", [...])`` (or alone if there is just one).

Ouro keeps tracebacks in ``__ouro_traceback__`` (loop.py), which the host's ``split`` does not
copy: the parts made here get a copy of the group's they came from, as CPython copies
``__traceback__``.
"""

from __future__ import annotations

from collections.abc import Callable

from ouro.vm import errors

TB = "__ouro_traceback__"


def check_match(exc: object, kind: object) -> tuple[object, object]:
    """(rest, match) of ``except* kind`` applied to the exception ``exc``."""
    rest, match = errors.exception_group_match(exc, kind)
    if isinstance(exc, BaseExceptionGroup):
        for part in (rest, match):
            if isinstance(part, BaseExceptionGroup) and part is not exc:
                copy_tracebacks(part, exc)
    elif match is not None and isinstance(exc, BaseException):
        _copy_traceback(match, exc)
    return rest, match


def prep_reraise_star(orig: object, excs: list[object]) -> object:
    left = [e for e in excs if e is not None]
    if not left:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        return left[0]
    assert isinstance(orig, BaseException)
    raised: list[BaseException] = []
    reraised: list[BaseException] = []
    for e in left:
        assert isinstance(e, BaseException)
        (reraised if _same_metadata(e, orig) else raised).append(e)
    keep: set[int] = set()
    for e in reraised:
        _leaf_ids(e, keep)
    projection = subset(orig, lambda leaf: id(leaf) in keep)
    if projection is not None:
        raised.append(projection)
    if len(raised) == 1:
        return raised[0]
    return BaseExceptionGroup("", raised)


def subset(
    group: BaseExceptionGroup[BaseException], keep: Callable[[BaseException], bool]
) -> BaseExceptionGroup[BaseException] | None:
    """The group cut down to the leaves ``keep`` accepts, nesting and metadata kept."""
    kept: list[BaseException] = []
    for e in group.exceptions:
        if isinstance(e, BaseExceptionGroup):
            part = subset(e, keep)
            if part is not None:
                kept.append(part)
        elif keep(e):
            kept.append(e)
    if not kept:
        return None
    derived = group.derive(kept)
    derived.__traceback__ = group.__traceback__
    derived.__context__ = group.__context__
    derived.__cause__ = group.__cause__
    notes = getattr(group, "__notes__", None)
    if notes is not None:
        derived.__notes__ = list(notes)
    _copy_traceback(derived, group)
    return derived


def copy_tracebacks(
    part: BaseExceptionGroup[BaseException], orig: BaseException
) -> None:
    """Give ``part`` (made by splitting ``orig``) and its nested groups their Ouro traceback."""
    _copy_traceback(part, orig)
    if not isinstance(orig, BaseExceptionGroup):
        return
    for child in part.exceptions:
        if not isinstance(child, BaseExceptionGroup) or any(
            child is e for e in orig.exceptions
        ):
            continue
        first = _first_leaf(child)
        for source in orig.exceptions:
            if isinstance(source, BaseExceptionGroup) and _contains_leaf(source, first):
                copy_tracebacks(child, source)
                break


def _copy_traceback(target: object, source: object) -> None:
    tb = getattr(source, TB, None)
    if tb is not None:
        try:
            setattr(target, TB, list(tb))
        except (AttributeError, TypeError):
            pass


def _same_metadata(e: BaseException, orig: BaseException) -> bool:
    """CPython compares notes, traceback, cause and context; Ouro's traceback is a list."""
    return (
        e.__cause__ is orig.__cause__
        and e.__context__ is orig.__context__
        and _same_list(getattr(e, "__notes__", None), getattr(orig, "__notes__", None))
        and _same_list(getattr(e, TB, None), getattr(orig, TB, None))
    )


def _same_list(a: object, b: object) -> bool:
    """Item by item by identity: a program's objects may have a broken ``__eq__``."""
    if a is b:
        return True
    if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
        return False
    return all(x is y or (type(x) is tuple and x == y) for x, y in zip(a, b))


def _leaf_ids(e: BaseException, into: set[int]) -> None:
    if isinstance(e, BaseExceptionGroup):
        for child in e.exceptions:
            _leaf_ids(child, into)
    else:
        into.add(id(e))


def _first_leaf(e: BaseException) -> BaseException | None:
    while isinstance(e, BaseExceptionGroup):
        if not e.exceptions:
            return None
        e = e.exceptions[0]
    return e


def _contains_leaf(group: BaseException, leaf: BaseException | None) -> bool:
    if not isinstance(group, BaseExceptionGroup):
        return group is leaf
    return any(_contains_leaf(child, leaf) for child in group.exceptions)

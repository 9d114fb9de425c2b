# Uncaught exception raised while handling another: "During handling ..." section.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"no key {k!r}")
lookup({}, "missing")

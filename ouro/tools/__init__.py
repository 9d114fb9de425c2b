"""Tools around the pipeline: checks against the host CPython, later repl, compileall, freeze."""

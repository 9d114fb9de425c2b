"""`ouro`'s options, messages and exit statuses against CPython 3.12's `python`.

Each case runs the same command line in the same scratch folder (holding the small programs
and packages of `FILES`) under both, and the results must match once CPython's executable
name is replaced by `ouro` (runner.normalize). Ouro's own answers (-h, -V, the banner) are
checked on their own at the end. Without a CPython 3.12 on the machine, the comparisons skip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli import runner

FILES = {
    "show.py": "import sys\nprint(sys.argv, sys.path[0], __file__, __name__)\n",
    "skip.py": "#!not python at all\nprint(1)\n1/0\n",
    "pkg/__init__.py": "",
    "pkg/mod.py": "import sys\nprint(__name__, __package__, __spec__.name, sys.argv)\n",
    "app/__init__.py": "",
    "app/__main__.py": "import sys\nprint(__name__, __spec__.name, sys.argv[1:])\n",
    "folder/__main__.py": "import sys\nprint('folder', sys.argv, sys.path[0])\n",
    "empty/.keep": "",
    "bad.py": "x = (1,\n",
}

OPTIMIZED = (
    "import sys\n"
    "def f():\n    'doc'\n"
    "print(sys.flags.optimize, __debug__, f.__doc__)\n"
    "assert False, 'checked'\n"
)
PROMPT_SESSION = (
    "x = 3\nx + 1\n_\n"
    "def f(a):\n    return a * 2\n\nf(5)\n"
    "1/0\n"
    "if 1:\n  print('hi')\n\n"
    "for i in (\n 1, 2):\n  i\n\n"
    "None\n'text'\n"
    "def g():\n  return h()\n\ng()\n"
    "1 +\n)\nx = (1,\n  2 +)\n# a comment\n\n"
    "@decorator\n\ntry:\n  pass\n\nclass A:\n  def m(self):\n\n"
    "'''multi\n\nline'''\n"
    "exit(3)\n"
)

# id: (arguments, standard input)
CASES: dict[str, tuple[list[str], str]] = {
    "unknown-short": (["-z"], ""),
    "unknown-in-group": (["-qz"], ""),
    "unknown-long": (["--frobnicate"], ""),
    "c-needs-argument": (["-c"], ""),
    "hash-pycs-needs-argument": (["--check-hash-based-pycs"], ""),
    "hash-pycs-bad": (["--check-hash-based-pycs", "sometimes"], ""),
    "hash-pycs": (["--check-hash-based-pycs", "never", "-c", "print(1)"], ""),
    "m-needs-argument": (["-m"], ""),
    "W-needs-argument": (["-W"], ""),
    "X-needs-argument": (["-X"], ""),
    "combined-uc": (["-uc", "import sys; print(sys.argv)", "a", "-b"], ""),
    "c-keeps-later-options": (["-c", "import sys; print(sys.argv)", "-c", "x"], ""),
    "double-dash": (["--", "-c"], ""),
    "script": (["show.py", "a", "--", "-i"], ""),
    "script-missing": (["missing.py"], ""),
    "script-syntax-error": (["bad.py"], ""),
    "folder": (["folder", "x"], ""),
    "folder-without-main": (["empty"], ""),
    "stdin-dash": (["-", "a"], "import sys\nprint(sys.argv, repr(sys.path[0]))\n"),
    "stdin-implicit": ([], "print('from stdin')\n"),
    "skip-first-line": (["-x", "skip.py"], ""),
    "O": (["-O", "-c", OPTIMIZED], ""),
    "OO": (["-OO", "-c", OPTIMIZED], ""),
    "no-optimize": (["-c", OPTIMIZED], ""),
    "flags": (
        [
            "-B",
            "-q",
            "-d",
            "-c",
            "import sys; f = sys.flags; print(f.dont_write_bytecode, f.quiet,"
            + " f.debug, sys.dont_write_bytecode)",
        ],
        "",
    ),
    "W-glued": (
        [
            "-Wd",
            "-c",
            "import sys, warnings; print(sys.warnoptions, warnings.filters[0])",
        ],
        "",
    ),
    "W-error": (
        ["-W", "error::UserWarning", "-c", "import warnings; warnings.warn('boom')"],
        "",
    ),
    "W-invalid": (["-Wbogus", "-c", "import sys; print(sys.warnoptions)"], ""),
    "X-options": (
        ["-X", "a=b", "-Xflag", "-c", "import sys; print(sys._xoptions)"],
        "",
    ),
    "X-pycache-prefix": (
        ["-X", "pycache_prefix=cache", "-c", "import sys; print(sys.pycache_prefix)"],
        "",
    ),
    "X-dev": (
        ["-X", "dev", "-c", "import sys; print(sys.flags.dev_mode, sys._xoptions)"],
        "",
    ),
    "X-utf8": (["-X", "utf8", "-c", "import sys; print(sys.flags.utf8_mode)"], ""),
    "bb-raises": (["-bb", "-c", "print(b'' == '')"], ""),
    "E": (["-E", "-c", "import sys; print(sys.flags.ignore_environment)"], ""),
    "I": (
        [
            "-I",
            "-c",
            "import sys; f = sys.flags; print(f.isolated, f.safe_path, f.no_user_site, '' in sys.path)",
        ],
        "",
    ),
    "P": (["-P", "-c", "import sys; print(sys.flags.safe_path, '' in sys.path)"], ""),
    "S": (["-S", "-c", "import sys; print(sys.flags.no_site); exit()"], ""),
    "m-module": (["-m", "pkg.mod", "x"], ""),
    "m-package": (["-m", "app", "y"], ""),
    "m-package-without-main": (["-m", "pkg"], ""),
    "m-missing": (["-m", "no_such_module_here"], ""),
    "m-missing-parent": (["-m", "no_such_pkg.mod"], ""),
    "m-missing-in-package": (["-m", "pkg.nope"], ""),
    "m-relative": (["-m", ".pkg"], ""),
    "m-extension": (["-m", "math"], ""),
    "m-dot-py": (["-m", "show.py"], ""),
    "i-after-exception": (["-i", "-c", "print('ran'); raise ValueError(5)"], "1 + 1\n"),
    "i-after-exit": (["-i", "-c", "import sys; sys.exit(3)"], "print('prompt')\n"),
    "i-exit-status": (["-i", "-q"], "import sys\nsys.exit(4)\n"),
    "i-exit-message": (["-i", "-q"], "raise SystemExit('bye')\n"),
    "prompt-session": (["-i", "-q"], PROMPT_SESSION),
    "prompt-ps1": (["-i", "-q"], "import sys\nsys.ps1 = 'in: '\n2\n"),
    "prompt-displayhook": (
        ["-i", "-q"],
        "import sys\nsys.displayhook = lambda v: print('got', v)\n7\n",
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", list(CASES))
def test_same_as_cpython(case: str, folder: Path) -> None:
    if runner.reference_executable() is None:
        pytest.skip("no CPython 3.12 (python3.12) to compare with")
    args, stdin = CASES[case]
    expected = runner.run(runner.REFERENCE, args, folder, stdin)
    got = runner.run(runner.OURO, args, folder, stdin)
    assert got.stdout == runner.normalize(expected.stdout)
    assert got.stderr == runner.normalize(expected.stderr)
    assert got.returncode == expected.returncode


# --- Ouro's own answers ---------------------------------------------------------------------


def test_help(folder: Path) -> None:
    for option in ("-h", "-?", "--help"):
        result = runner.run(runner.OURO, [option], folder)
        assert result.returncode == 0
        assert result.stdout.startswith(
            "usage: ouro [option] ... [-c cmd | -m mod | file | -]"
        )


def test_version(folder: Path) -> None:
    result = runner.run(runner.OURO, ["-V"], folder)
    assert result.returncode == 0
    assert result.stdout.startswith("Ouro ") and "(Python 3.12)" in result.stdout


def test_banner_unless_quiet(folder: Path) -> None:
    loud = runner.run(runner.OURO, ["-i"], folder, "1\n")
    assert loud.stderr.startswith("Ouro ")
    assert 'Type "help", "copyright", "credits" or "license"' in loud.stderr
    quiet = runner.run(runner.OURO, ["-i", "-q"], folder, "1\n")
    assert quiet.stderr == ">>> >>> \n" and quiet.stdout == "1\n"
    verbose = runner.run(runner.OURO, ["-i", "-q", "-v"], folder, "1\n")
    assert verbose.stderr.startswith("Ouro ")  # -v shows the banner even with -q


def test_pythonstartup_and_inspect_variables(folder: Path) -> None:
    (folder / "startup.py").write_text("greeting = 'hello'\n", encoding="utf-8")
    env = runner.environment(PYTHONSTARTUP="startup.py", PYTHONINSPECT="1")
    result = runner.run(runner.OURO, ["-q"], folder, "greeting\n", env)
    assert result.stdout == "'hello'\n" and result.returncode == 0
    # -E: neither variable is read, standard input is a program.
    result = runner.run(runner.OURO, ["-E", "-q"], folder, "print(2)\n", env)
    assert result.stdout == "2\n"


def test_own_dis_module(folder: Path) -> None:
    """`-m dis` is Ouro's disassembler (OWN_MAIN_MODULES) once it exists."""
    from ouro import cli

    if cli.own_main("dis") is None:
        pytest.skip("ouro/bytecode/dis.py has no main() yet")
    result = runner.run(runner.OURO, ["-m", "dis", "show.py"], folder)
    assert result.returncode == 0, result.stderr
    assert "RETURN" in result.stdout


IMPORT_TIME_LINE = re.compile(r"import time: +(\d+) \| +(\d+) \| ( *)(\S+)")


def _import_times(stderr: str, names: set[str]) -> list[tuple[int, str]]:
    """(depth, name) of the -X importtime lines naming one of ``names``, in order; every
    line must have CPython's shape, the header first."""
    lines = stderr.splitlines()
    assert lines[0] == "import time: self [us] | cumulative | imported package"
    found = []
    for line in lines[1:]:
        match = IMPORT_TIME_LINE.fullmatch(line)
        assert match, line
        own, total, indent, name = match.groups()
        assert int(own) <= int(total)
        if name in names:
            found.append((len(indent) // 2, name))
    return found


def test_importtime(folder: Path) -> None:
    """-X importtime and PYTHONPROFILEIMPORTTIME print one line per import as CPython does,
    innermost first, indented by depth (the times differ, the lines and nesting do not)."""
    (folder / "timed_a.py").write_text("import timed_pkg.sub\nimport timed_b\n")
    (folder / "timed_b.py").write_text("import timed_a\n")
    (folder / "timed_pkg").mkdir(exist_ok=True)
    (folder / "timed_pkg" / "__init__.py").write_text("")
    (folder / "timed_pkg" / "sub.py").write_text("import timed_b\n")
    names = {"timed_a", "timed_b", "timed_pkg", "timed_pkg.sub"}
    program = ["-c", "import timed_a, timed_b"]
    result = runner.run(runner.OURO, ["-X", "importtime", *program], folder)
    assert result.returncode == 0, result.stderr
    got = _import_times(result.stderr, names)
    # timed_b, imported inside timed_pkg.sub, finds timed_a half-loaded: no line of its own.
    nesting = [(2, "timed_pkg"), (2, "timed_b"), (1, "timed_pkg.sub"), (0, "timed_a")]
    assert got == nesting
    env = runner.environment(PYTHONPROFILEIMPORTTIME="1")
    by_env = runner.run(runner.OURO, program, folder, env=env)
    assert _import_times(by_env.stderr, names) == got
    # -E: the program's imports are not timed.  (The host, which read the variable at its
    # start, has timed its own: Ouro's runtime.)
    ignored = runner.run(runner.OURO, ["-E", *program], folder, env=env)
    assert ignored.returncode == 0 and "timed_" not in ignored.stderr
    if runner.reference_executable() is not None:
        expected = runner.run(runner.REFERENCE, ["-X", "importtime", *program], folder)
        assert got == _import_times(expected.stderr, names)

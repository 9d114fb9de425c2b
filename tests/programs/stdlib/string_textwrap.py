# string, textwrap.
import string
import textwrap
print(string.ascii_letters[:5], string.digits, string.punctuation[:5], string.capwords("hello big world"))
t = string.Template("$who likes ${what}!")
print(t.substitute(who="Tim", what="tea"), t.safe_substitute(who="Ann"))
text = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(repr(textwrap.dedent("    a\n      b\n    c")), textwrap.indent("x\ny", "> "), textwrap.shorten(text, 25))
print(string.Formatter().format("{0}-{1}", "a", "b"))

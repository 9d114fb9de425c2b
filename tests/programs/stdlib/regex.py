# re: match, search, findall, finditer, groups, named groups, sub with functions, flags, split.
import re
m = re.match(r"(\w+) (\w+)", "hello world again")
print(m.group(0), m.group(1, 2), m.groups(), m.span(2), m.start(), m.end())
print(re.search(r"\d+", "abc 123 def 45").group(), re.findall(r"(\w)(\d)", "a1 b2 c3"))
print([x.group() for x in re.finditer(r"[aeiou]", "education")])
m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)", "2024-03-15")
print(m.group("year"), m["month"], m.groupdict())
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host"), re.subn("a", "b", "aaa"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(-)", "x-y-z"), re.fullmatch(r"\d+", "123") is not None)
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.search("HELLO", "say hello", re.I).group())
p = re.compile(r"(?x) (\d+) \s* ([a-z]+)  # number then word")
print(p.findall("10 apples 3 pears"), p.pattern[:10], bool(p.flags & re.VERBOSE))
print(re.escape("a.b*c"), re.match("a", "b"), re.findall(r"a*?", "aa")[:3])
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)

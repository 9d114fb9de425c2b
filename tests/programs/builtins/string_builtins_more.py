# str and bytes helpers that programs use often.
s = "The Quick Brown Fox"
print(s.lower().split().__len__(), s.count("o"), s.index("Q"), s[4:9].lower())
print("%s|%5s|%-5s|" % ("x", "y", "z"), "abc".encode().decode(), "a\tb".split("\t"))
print("x".join("abc"), "1,2,3".split(",", maxsplit=1), " a  b ".split(" "))
print("CamelCaseString".swapcase(), "hello world".title(), "o'neil".title(), "123abc".isalnum())
words = "the cat sat on the mat the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
print("".join(sorted(set("mississippi"))), "mississippi".replace("ss", "SS", 1))
print("abc" * 0, "abc"[::-1], "racecar" == "racecar"[::-1], "a,b,,c".split(",") == ["a", "b", "", "c"])
print("%.3s" % "abcdef", "{:.3}".format("abcdef"), f"{'abcdef':.3}")

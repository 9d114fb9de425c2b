# Unicode handling.
s = "naïve café 日本語 🐍"
print(s, len(s), s.upper(), s[-1], s.encode("utf-8")[-4:], len(s.encode("utf-16-le")))
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"))
print(ascii(s), repr("🐍"), "\U0001F40D" == "🐍", "e\u0301" == "é", len("e\u0301"))
import unicodedata
print(unicodedata.name("é"), unicodedata.normalize("NFC", "e\u0301") == "é")
print(sorted(["é", "e", "z", "a"]), "ǆ".title(), "ﬃ".upper())

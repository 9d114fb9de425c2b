words = {}
text = "the quick brown fox jumps over the lazy dog " * 2000
for word in text.split():
    words[word] = words.get(word, 0) + 1
print(sorted(words.items()))
print(sum(len(f"{k}={v}") for k, v in words.items()))

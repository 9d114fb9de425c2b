"""Dict and str work: generate a text from a vocabulary with a fixed pseudo-random sequence,
count words, bigrams and letters in dicts, and rank them.

Usage: words.py [N]. N is the number of words generated. Prints the top entries and a
checksum; every ranking is sorted so nothing depends on str hashing.
"""

import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu", "an", "el"]


def make_vocabulary(size, seed):
    words = []
    x = seed
    for _ in range(size):
        parts = []
        for _ in range(1 + x % 3):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            parts.append(SYLLABLES[x % len(SYLLABLES)])
        words.append("".join(parts))
    return words


def make_text(vocabulary, n, seed):
    x = seed
    lines = []
    line = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        # squaring skews the choice towards the start of the vocabulary, like real text
        r = (x >> 8) % 1000
        line.append(vocabulary[r * r * len(vocabulary) // 1_000_000])
        if len(line) == 12:
            lines.append(" ".join(line).capitalize() + ".")
            line = []
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.rstrip(".").lower().split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def count_bigrams(text):
    counts = {}
    for line in text.splitlines():
        words = line.rstrip(".").lower().split()
        for a, b in zip(words, words[1:]):  # noqa: RUF007 - no imports: plain builtins
            key = a + " " + b
            if key in counts:
                counts[key] += 1
            else:
                counts[key] = 1
    return counts


def count_letters(text):
    counts = {}
    for ch in text:
        if ch.isalpha():
            ch = ch.lower()
            counts[ch] = counts.get(ch, 0) + 1
    return counts


def top(counts, k):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def main(n):
    vocabulary = make_vocabulary(500, 42)
    text = make_text(vocabulary, n, 7)
    words = count_words(text)
    bigrams = count_bigrams(text)
    letters = count_letters(text)
    print("distinct words", len(words), "bigrams", len(bigrams))
    print("top words", top(words, 5))
    print("top bigrams", top(bigrams, 3))
    print("letters", "".join(ch for ch, _ in top(letters, 26)))
    checksum = 0
    for word, count in sorted(words.items()):
        for ch in word:
            checksum = (checksum * 131 + ord(ch) + count) % 1_000_000_007
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250_000)

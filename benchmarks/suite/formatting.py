"""String building and formatting: f-strings with format specs, %-formatting, str.format,
join, slicing, replace and a small text report built line by line.

Usage: formatting.py [N]. Prints a sample of the report and a checksum of all of it.
"""

import sys


class Item:
    def __init__(self, code, name, price, quantity):
        self.code = code
        self.name = name
        self.price = price
        self.quantity = quantity

    def __repr__(self):
        return f"Item({self.code!r}, {self.name!r})"


def make_items(n):
    names = ["bolt", "nut", "washer", "screw", "rivet", "pin", "clip"]
    items = []
    for i in range(n):
        name = names[i % len(names)] + "-" + str(i % 97)
        items.append(Item(f"X{i:05d}", name, (i * 37 % 1000) / 8, i % 23))
    return items


def report(items):
    lines = []
    total = 0.0
    for item in items:
        cost = item.price * item.quantity
        total += cost
        lines.append(
            f"{item.code} {item.name:<12}|{item.quantity:>4} x {item.price:8.3f} = {cost:>10,.2f}"
        )
        # the two older formatting styles are part of what this program measures
        row = (item.code, item.quantity, item.price / 10)
        lines.append("%-8s %5d %6.1f%%" % row)  # noqa: UP031
        template = "{0}:{1:^9}:{2:x}"
        lines.append(template.format(item.name, item.quantity, item.quantity * 4096))
    lines.append(f"{'TOTAL':>20} {total:,.2f}")
    return lines


def build_strings(n):
    parts = []
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if len(s) > 40:
            parts.append(s[::-1].upper().replace("A", "4"))
            s = s[20:]
    return "|".join(parts)


def main(n):
    items = make_items(n)
    lines = report(items)
    joined = "\n".join(lines)
    built = build_strings(n * 4)
    print(lines[0])
    print(lines[1])
    print(lines[2])
    print(lines[-1])
    print(repr(items[-1]), len(joined), len(built), built[:30])
    checksum = 0
    for line in lines:
        for ch in line[::7]:
            checksum = (checksum * 31 + ord(ch)) % 1_000_000_007
    for ch in built[::11]:
        checksum = (checksum * 31 + ord(ch)) % 1_000_000_007
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60_000)

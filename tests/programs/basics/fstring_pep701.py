# PEP 701 f-strings: same quotes inside, backslashes and comments in expressions.
songs = ["a", "b", "c"]
print(f"{", ".join(songs)}")
print(f"{"\n".join(songs)}")
print(f"{f"{f"{f"{1 + 1}"}"}"}")
value = 5
print(f"{value:{"^"}10}|")
print(f"{
    value  # a comment inside
    * 2
}")
print(f"{'\t'.join(['x', 'y'])}")

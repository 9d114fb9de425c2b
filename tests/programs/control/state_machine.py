# A tokenizer written as a state machine with while and if/elif.
def tokens(text):
    i, out = 0, []
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(("NUM", int(text[i:j])))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            out.append(("NAME", text[i:j]))
            i = j
        elif ch in "+-*/()=":
            out.append(("OP", ch))
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at {i}")
    return out
print(tokens("x_1 = (42 + y) * 7"))
try:
    tokens("a $ b")
except SyntaxError as e:
    print("SyntaxError:", e)

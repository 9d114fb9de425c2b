"""A recursive-descent parser: generate arithmetic expressions from a fixed pseudo-random
sequence, print them to text, tokenize the text, parse it into a tree of node objects and
evaluate the tree, with variables, unary minus, powers and parentheses.

Usage: exprparser.py [N]. N is the number of expressions. Prints a few results and a checksum.

Grammar (the parser has one method per rule):
    expr   := term (('+' | '-') term)*
    term   := factor (('*' | '/' | '%') factor)*
    factor := '-' factor | power
    power  := atom ('^' factor)?
    atom   := NUMBER | NAME | '(' expr ')'
"""

import sys


class Num:
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value


class Var:
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        return env[self.name]


class Neg:
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self, env):
        return -self.operand.evaluate(env)


class BinOp:
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def evaluate(self, env):
        a = self.left.evaluate(env)
        b = self.right.evaluate(env)
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a // b if b else 0
        if op == "%":
            return a % b if b else 0
        return a ** (b % 4) if b >= 0 else 0


def tokenize(text):
    tokens = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            tokens.append(("num", int(text[i:j])))
            i = j
        elif ch.isalpha():
            j = i
            while j < n and text[j].isalnum():
                j += 1
            tokens.append(("name", text[i:j]))
            i = j
        elif ch in "+-*/%^()":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect(self, value):
        _kind, got = self.take()
        if got != value:
            raise SyntaxError(f"expected {value!r}, got {got!r}")

    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            node = BinOp(self.take()[1], node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            node = BinOp(self.take()[1], node, self.factor())
        return node

    def factor(self):
        if self.peek()[1] == "-":
            self.take()
            return Neg(self.factor())
        return self.power()

    def power(self):
        node = self.atom()
        if self.peek()[1] == "^":
            self.take()
            node = BinOp("^", node, self.factor())
        return node

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return Num(value)
        if kind == "name":
            return Var(value)
        if value == "(":
            node = self.expr()
            self.expect(")")
            return node
        raise SyntaxError(f"unexpected {value!r}")


class Generator:
    """Writes random expressions as text; the parser must recover their structure."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 4) % bound

    def expression(self, depth):
        if depth == 0 or self.next(4) == 0:
            if self.next(3) == 0:
                return "xyz"[self.next(3)]
            return str(self.next(100))
        choice = self.next(10)
        if choice == 0:
            return "-" + self.expression(depth - 1)
        if choice == 1:
            return "(" + self.expression(depth - 1) + ")"
        op = "+-*/%^+-*+"[self.next(10)]
        return self.expression(depth - 1) + " " + op + " " + self.expression(depth - 1)


def main(n):
    generator = Generator(2024)
    env = {"x": 3, "y": -7, "z": 12}
    checksum = 0
    samples = []
    for i in range(n):
        text = generator.expression(6)
        tree = Parser(tokenize(text)).expr()
        value = tree.evaluate(env)
        checksum = (checksum * 31 + value) % 1_000_000_007
        if i % (n // 4 or 1) == 0:
            samples.append((text, value))
    for text, value in samples:
        print(text[:60], "=", value)
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 16_000)

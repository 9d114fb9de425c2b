# PEP 695 generic classes: __type_params__, Generic in the bases, subscription.
class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack.__type_params__, Stack.__mro__, Stack[int], Stack[int].__origin__ is Stack)
print(Stack.__parameters__, type(Stack[str]).__name__)
class Pair[K, V](dict):
    pass
print(Pair.__type_params__, Pair.__orig_bases__ if hasattr(Pair, "__orig_bases__") else None, Pair.__mro__)
class Node[T]:
    def children(self) -> "list[Node[T]]":
        return []
    class Inner:
        pass
print(Node.Inner.__qualname__, Node.__type_params__[0].__name__)

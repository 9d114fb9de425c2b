# copy (shallow and deep, custom hooks) and pprint.
import copy
import pprint
orig = {"list": [1, [2, 3]], "t": (4, [5])}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("x")
print(shallow["list"], deep["list"], shallow["list"] is orig["list"], deep["t"] is orig["t"])
class Node:
    def __init__(self):
        self.me = self
n = copy.deepcopy(Node())
print(n.me is n)
class Custom:
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deepcopy"
print(copy.copy(Custom()), copy.deepcopy([Custom()]))
data = {"k%d" % i: list(range(i)) for i in range(8)}
pprint.pprint(data, width=50)
print(pprint.pformat([1, 2, 3]), pprint.pformat({"b": 1, "a": 2}))

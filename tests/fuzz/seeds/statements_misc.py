#!/usr/bin/env python3
# -*- coding: utf-8 -*-
x: int
y: list[int] = []
(z): int = 1
a.b: str
c[0]: float = 1.0
print("hi"); pass
if x: y = 1
while 0: pass
for _ in (): break
with a: pass
class K: x = 1
def f(): return
lambda: (yield)
not_a_keyword = [print, exec, nonlocal_, async_, await_]
global_ = None
x = yield_ = 5
obj[1:2, 3] = value
obj.attr += 1
(a, b), [c, d] = (1, 2), [3, 4]
[*a, b] = c

# Evaluation order of operands, arguments, subscripts and assignments.
log = []
def t(tag, val=None):
    log.append(tag)
    return val if val is not None else tag
d = {}
d[t("key")] = t("value")
print(log)
log.clear()
t("a")[0:0] if False else None
x = t("f", lambda *a, **k: (a, k))(t("p1"), t("p2"), k=t("kw"))
print(log, x)
log.clear()
t("obj", [0, 0])[t("index", 1)] = t("rhs")
print(log)
log.clear()
a = b = t("multi")
print(log, a, b)
log.clear()
res = t("L", 3) + t("R", 4) * t("RR", 5)
print(log, res)
log.clear()
{t("k1"): t("v1"), t("k2"): t("v2")}
print(log)
log.clear()
t("base", 2) ** t("exp", 3)
print(log)

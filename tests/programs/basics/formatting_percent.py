# printf-style formatting.
print("%d %i %5d|%-5d|%05d" % (42, -3, 7, 7, 7))
print("%s %r %a" % ("x", "x", "é"))
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 2.5, 1.0, 2.25, 12345.678, 0.00012, 1e-10, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%% %s" % "lit", "%s" % (1,), "%s" % [1, 2], "%*d" % (5, 3), "%.*f" % (2, 1.23456))
print("%+d %+d % d" % (5, -5, 5))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print("TypeError:", e)

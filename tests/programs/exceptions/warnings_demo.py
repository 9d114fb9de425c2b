# warnings: warn to stderr, filters, catch_warnings.
import warnings
warnings.warn("a user warning")
warnings.warn("deprecated thing", DeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", RuntimeWarning)
    warnings.warn("also recorded")
print([(w.category.__name__, str(w.message)) for w in caught])
warnings.simplefilter("error")
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("UserWarning raised:", e)

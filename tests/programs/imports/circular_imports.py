# Circular imports see partially initialised modules.
import _circular_a
print(_circular_a.from_b(), _circular_a._circular_b.PARTIAL_AT_IMPORT, _circular_a._circular_b.partial_a())

# __init_subclass__ with keyword arguments; registering subclasses.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin, name="first"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta, name="third"):
    pass
print(Plugin.registry, Gamma.plugin_name, Beta.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class NoHook:
    pass
try:
    class Bad2(NoHook, x=1):
        pass
except TypeError as e:
    print("TypeError:", e)

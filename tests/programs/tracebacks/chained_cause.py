# Uncaught exception with an explicit cause: "The above exception was the direct cause ...".
class ConfigError(Exception):
    pass
def read(value):
    try:
        return int(value)
    except ValueError as e:
        raise ConfigError("bad config value") from e
read("x1")

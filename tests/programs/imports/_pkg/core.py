def core_func():
    return "core_func in " + __name__

def explode(value):
    return {"a": 1}[value]

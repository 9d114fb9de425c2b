# The operand of await is a primary: "await await x" is a SyntaxError, "await (await x)" is not.
for src in ["async def foo():\n    await await fut\n", "async def foo():\n    return await (await fut)\n", "async def foo():\n    x = await -fut\n", "async def foo():\n    await await\n"]:
    try:
        compile(src, "<s>", "exec"); print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

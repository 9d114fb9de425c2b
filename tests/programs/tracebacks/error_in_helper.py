# The traceback goes through a helper module next to the program.
import _tb_helper
def call():
    return _tb_helper.explode("zz")
call()

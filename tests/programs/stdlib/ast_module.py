# ast.parse, literal_eval, NodeVisitor, compile() of a (changed or built) tree, unparse.
import ast
tree = ast.parse("x = [1, 2 + 3]\nprint(x)")
print(ast.dump(tree))
print(ast.literal_eval("{'a': (1, 2.5, -3j), 'b': [True, None]}"))
code = compile(tree, "<ast>", "exec")
exec(code)
class V(ast.NodeVisitor):
    def visit_Constant(self, node):
        print("const", node.value, node.lineno, node.col_offset)
V().visit(tree)
t = ast.parse("a + b", mode="eval")
t.body.op = ast.Mult()
print(eval(compile(t, "<x>", "eval"), {"a": 6, "b": 7}))
print(ast.unparse(ast.parse("def f(a, *, b=1): return a if b else -a")))
try:
    ast.literal_eval("f()")
except ValueError as e:
    print(str(e).split(":")[0])
new = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built")], []))], type_ignores=[])
ast.fix_missing_locations(new)
exec(compile(new, "<built>", "exec"))

# A traceback through several function frames and a method.
class Parser:
    def parse(self, text):
        return [self.item(t) for t in text.split(",")]
    def item(self, t):
        return int(t)
def load(text):
    p = Parser()
    return p.parse(text)
def main():
    print(load("1,2,3"))
    print(load("4,five,6"))
main()

class Layout:
	def tabbed(self):
		if self:
			return 1
		return 2


def continued(a,
              b):
    total = a + \
        b
    x = 1; y = 2; z = 3
    # a comment

    if x:  # trailing comment
        pass


    return [
        1,
        2,
    ]


def after_form_feed(): return None


π = 3.14
naïve_ŝtate = {"ключ": "значение"}
Ａ = 1

if True:
    def deep():
        while x:
            for y in z:
                try:
                    pass
                finally:
                    break

print("broken module starts")
raise ValueError("error while importing _broken")

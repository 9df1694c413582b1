# inconsistent tabs and spaces: TabError
if True:
        x = 1
	y = 2

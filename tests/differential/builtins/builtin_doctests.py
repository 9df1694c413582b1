# The builtins whose docstrings carry examples (what doctest finds in the
# builtins module, as test_builtin's load_tests runs them), and that those
# examples pass.
import builtins, doctest, unittest, io

suite = doctest.DocTestSuite(builtins)
print(sorted(str(t) for t in suite))
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors))

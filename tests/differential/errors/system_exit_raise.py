# raise SystemExit directly with a large code; finally blocks run on the way out
def shutdown():
    try:
        raise SystemExit(42)
    finally:
        print("cleanup in finally")
print("shutting down")
shutdown()

# krait-pip's PEP 517/660 hook runner, run by the target interpreter as
#   python _krait_hook_runner.py HOOK CONTROL_DIR
# with the project's folder as the current directory. It reads
# CONTROL_DIR/input.json ({"backend": "mod:obj", "backend_path": [...],
# "kwargs": {...}}), calls the backend's hook and writes
# CONTROL_DIR/output.json: {"return_val": ...}, {"unsupported": true} when
# the backend lacks an optional hook, or {"backend_unavailable": ...} /
# {"backend_invalid": ...}. An exception raised by the hook itself is
# printed (traceback on stderr) and ends the process with status 1.
import importlib
import json
import os
import sys
import traceback


def write(control, data):
    with open(os.path.join(control, "output.json"), "w", encoding="utf-8") as f:
        json.dump(data, f)


def load_backend(spec, backend_path):
    paths = [os.path.abspath(p) for p in backend_path]
    if paths:
        sys.path[:0] = paths
    module, _, obj = spec.partition(":")
    backend = importlib.import_module(module)
    if paths:
        location = os.path.normcase(os.path.abspath(getattr(backend, "__file__", "") or ""))
        if not any(location.startswith(os.path.normcase(p) + os.sep) for p in paths):
            raise ValueError("backend was not loaded from backend-path")
    for part in filter(None, obj.split(".")):
        backend = getattr(backend, part)
    return backend


def main():
    hook, control = sys.argv[1], sys.argv[2]
    with open(os.path.join(control, "input.json"), encoding="utf-8") as f:
        data = json.load(f)
    # The runner's own folder is not the project's business.
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    try:
        backend = load_backend(data["backend"], data.get("backend_path") or [])
    except ImportError:
        write(control, {"backend_unavailable": traceback.format_exc()})
        return
    except ValueError as e:
        write(control, {"backend_invalid": str(e)})
        return
    fn = getattr(backend, hook, None)
    if fn is None:
        write(control, {"unsupported": True})
        return
    write(control, {"return_val": fn(**data.get("kwargs", {}))})


if __name__ == "__main__":
    main()

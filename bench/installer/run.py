#!/usr/bin/env python3.11
"""bench/installer: krait-pip against uv and pip, on a real set of packages.

    python3.11 bench/installer/run.py [--runs 3] [--tools krait,uv,pip]
                                      [--krait-pip PATH] [--work DIR] [--refresh]

What it does:
  1. Mirror. The distributions of bench/installer/requirements.txt and all
     their dependencies (wheels only, for this machine's CPython 3.11:
     cp311 / manylinux / py3) are fetched once from PyPI with
     `pip download --only-binary :all:` into WORK/wheels (kept between runs;
     --refresh fetches again). index_server.py serves them on 127.0.0.1 as
     a simple index: PEP 691 JSON or PEP 503 HTML by the Accept header, sha256
     fragments, PEP 658 metadata files, PyPI's cache headers. The mirror holds
     only the fetched versions, so resolution is quick for every tool and the
     benchmark weighs fetching, unpacking and installing.
  2. Tools. uv is installed from PyPI into WORK/tools (a venv); pip is the one
     `python3.11 -m venv` puts into each environment; krait-pip is
     target/release/krait-pip (or --krait-pip / $KRAIT_PIP).
  3. Runs. Each run installs the whole set, `-r requirements.txt`, into a
     fresh copy of one template venv (made with `python3.11 -m venv`):
       krait: krait-pip install --no-compile --python VENV/bin/python -i URL --cache-dir C
       uv:    uv pip install --python VENV/bin/python --index-url URL --cache-dir C
       pip:   VENV/bin/python -m pip install -i URL --cache-dir C
     Cold runs start from an empty cache (each tool its own), warm runs from
     the cache the previous run filled. Nothing is deleted until the end
     (see the comment in main: deleting slows the next run on ext4). krait
     and uv take turns within each round (the order rotates), so noise from
     other work on the machine is shared; pip's runs come after theirs in
     each phase. Configuration files are turned off (PIP_CONFIG_FILE=/dev/null,
     UV_NO_CONFIG=1). After each run the installed distributions are listed
     and must be the same for every tool.
  4. Report. Every run's wall-clock time, then per phase the median of each
     tool and the ratios krait/uv and krait/pip (below 1: krait faster).

pip byte-compiles what it installs (its default, and krait-pip's); uv does
not by default, so krait-pip runs with --no-compile to do the same work as uv.

WORK defaults to $PIPBENCH_WORK, else /tmp/krait-pipbench.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REQS = os.path.join(HERE, "requirements.txt")
PYTHON = "python3.11"


def log(msg):
    print(msg, flush=True)


def run(cmd, **kw):
    r = subprocess.run(cmd, **kw)
    if r.returncode != 0:
        raise SystemExit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}")
    return r


def base_python():
    # pyenv shims add a tenth of a second to each start: use the real executable.
    return subprocess.run([PYTHON, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True).stdout.strip()


def ensure_mirror(work, refresh):
    wheels = os.path.join(work, "wheels")
    if os.path.isdir(wheels) and not refresh:
        return wheels
    tmp = wheels + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    log(f"fetching the wheels of {REQS} from PyPI into {wheels}")
    run([base_python(), "-m", "pip", "download", "--disable-pip-version-check", "--only-binary", ":all:", "-r", REQS, "-d", tmp])
    shutil.rmtree(wheels, ignore_errors=True)
    os.rename(tmp, wheels)
    return wheels


def ensure_uv(work):
    tools = os.path.join(work, "tools")
    uv = os.path.join(tools, "bin", "uv")
    if not os.path.exists(uv):
        log("installing uv from PyPI into " + tools)
        shutil.rmtree(tools, ignore_errors=True)
        run([base_python(), "-m", "venv", tools])
        run([os.path.join(tools, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q", "uv"])
    return uv


def ensure_template(work):
    tpl = os.path.join(work, "template")
    if not os.path.exists(os.path.join(tpl, "bin", "python")):
        shutil.rmtree(tpl, ignore_errors=True)
        run([base_python(), "-m", "venv", tpl])
    return tpl


def start_index(wheels, work):
    port_file = os.path.join(work, "port")
    if os.path.exists(port_file):
        os.remove(port_file)
    proc = subprocess.Popen([base_python(), os.path.join(HERE, "index_server.py"), wheels, "--port-file", port_file])
    for _ in range(600):
        if os.path.exists(port_file):
            return proc, f"http://127.0.0.1:{open(port_file).read().strip()}/simple"
        if proc.poll() is not None:
            raise SystemExit("the index server did not start")
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("the index server did not start in 30 s")


def site_packages(venv):
    lib = os.path.join(venv, "lib")
    for d in os.listdir(lib):
        sp = os.path.join(lib, d, "site-packages")
        if os.path.isdir(sp):
            return sp
    raise SystemExit(f"no site-packages in {venv}")


def installed(venv, before):
    names = set()
    for e in os.listdir(site_packages(venv)):
        if e.endswith(".dist-info"):
            names.add(e[: -len(".dist-info")].lower())
    return sorted(names - before)


def command(tool, venv, url, cache, krait, uv):
    py = os.path.join(venv, "bin", "python")
    if tool == "krait":
        return [krait, "install", "--no-compile", "--python", py, "-r", REQS, "-i", url, "--cache-dir", cache]
    if tool == "uv":
        return [uv, "pip", "install", "--python", py, "-r", REQS, "--index-url", url, "--cache-dir", cache]
    return [py, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "-r", REQS, "-i", url, "--cache-dir", cache]


def main():
    ap = argparse.ArgumentParser(description="krait-pip against uv and pip (see the script's header)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tools", default="krait,uv,pip")
    ap.add_argument("--phases", default="cold,warm")
    ap.add_argument("--krait-pip", default=os.environ.get("KRAIT_PIP", os.path.join(REPO, "target", "release", "krait-pip")))
    ap.add_argument("--work", default=os.environ.get("PIPBENCH_WORK", "/tmp/krait-pipbench"))
    ap.add_argument("--refresh", action="store_true", help="fetch the wheels from PyPI again")
    ap.add_argument("--keep", action="store_true", help="keep the environments and logs of each run")
    args = ap.parse_args()
    tools = args.tools.split(",")
    phases = args.phases.split(",")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    krait = os.path.abspath(args.krait_pip)
    if "krait" in tools and not os.access(krait, os.X_OK):
        raise SystemExit(f"no krait-pip at {krait}: build it (cargo build --release -p krait-pip) or give --krait-pip")

    wheels = ensure_mirror(work, args.refresh)
    uv = ensure_uv(work) if "uv" in tools else None
    tpl = ensure_template(work)
    before = {e[: -len(".dist-info")].lower() for e in os.listdir(site_packages(tpl)) if e.endswith(".dist-info")}
    n_wheels = len([f for f in os.listdir(wheels) if f.endswith(".whl")])
    if uv:
        log(run([uv, "--version"], capture_output=True, text=True).stdout.strip())
    log(run([os.path.join(tpl, "bin", "python"), "-m", "pip", "--version"], capture_output=True, text=True).stdout.split(" from ")[0])
    if "krait" in tools:
        log(run([krait, "--version"], capture_output=True, text=True).stdout.strip())

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "KRAIT_PIP"))}
    env.update({"PIP_CONFIG_FILE": os.devnull, "UV_NO_CONFIG": "1", "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1"})

    server, url = start_index(wheels, work)
    # The mirror's files are read once first, so that whichever tool runs
    # first does not also pay for bringing them into the page cache.
    for name in os.listdir(wheels):
        with open(os.path.join(wheels, name), "rb") as f:
            while f.read(1 << 20):
                pass
    log(f"mirror: {n_wheels} wheels at {url}")
    times = {(p, t): [] for p in phases for t in tools}
    sets = {}
    envs = os.path.join(work, "envs")
    logs = os.path.join(work, "logs")
    # Nothing is deleted while tools are timed: on ext4, creating files soon
    # after many were deleted is much slower (the inode allocator skips
    # recently freed inodes), which would burden whichever run came next.
    # Old environments and caches go to a trash folder, emptied at the end.
    trash = os.path.join(work, "trash")
    os.makedirs(trash, exist_ok=True)

    def discard(path):
        if os.path.exists(path):
            os.rename(path, os.path.join(trash, f"{len(os.listdir(trash))}-{os.path.basename(path)}"))

    discard(envs)
    discard(os.path.join(work, "cache"))
    os.makedirs(envs)
    os.makedirs(logs, exist_ok=True)
    try:
        # The fast tools take turns run by run; pip's runs come after theirs
        # (its twenty seconds of writing left the next run noisier).
        fast = [t for t in tools if t != "pip"]
        for phase in phases:
            schedule = []
            for i in range(args.runs):
                schedule += [(i, t) for t in fast[i % len(fast):] + fast[: i % len(fast)]] if fast else []
            if "pip" in tools:
                schedule += [(i, "pip") for i in range(args.runs)]
            for i, tool in schedule:
                cache = os.path.join(work, "cache", tool)
                if phase == "cold":
                    # An empty cache of its own; the warm runs use the last one.
                    discard(cache)
                elif not os.path.isdir(cache):
                    # A warm run needs a filled cache: fill it, untimed.
                    venv = os.path.join(envs, f"{tool}-prime")
                    shutil.copytree(tpl, venv, symlinks=True)
                    run(command(tool, venv, url, cache, krait, uv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    discard(venv)
                venv = os.path.join(envs, f"{tool}-{phase}-{i + 1}")
                shutil.copytree(tpl, venv, symlinks=True)
                out_path = os.path.join(logs, f"{tool}-{phase}-{i + 1}.log")
                with open(out_path, "w") as out:
                    t0 = time.perf_counter()
                    r = subprocess.run(command(tool, venv, url, cache, krait, uv), env=env, stdout=out, stderr=subprocess.STDOUT)
                    dt = time.perf_counter() - t0
                if r.returncode != 0:
                    raise SystemExit(f"{tool} failed ({r.returncode}); see {out_path}")
                got = installed(venv, before)
                sets.setdefault(tool, got)
                if got != sets[tool]:
                    raise SystemExit(f"{tool} installed a different set this time: {got}")
                times[(phase, tool)].append(dt)
                log(f"  {phase} run {i + 1} {tool:6} {dt:7.2f} s  ({len(got)} distributions)")
                if not args.keep:
                    discard(venv)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(trash, ignore_errors=True)

    names = {t: [n.rsplit("-", 1)[0] for n in s] for t, s in sets.items()}
    ref = next(iter(names.values()))
    for t, n in names.items():
        if n != ref:
            log(f"WARNING: {t} installed {sorted(set(n) ^ set(ref))} differently from {tools[0]}")
    log(f"\n{len(ref)} distributions installed by each tool; median of {args.runs} runs (wall clock, seconds):\n")
    header = f"{'phase':6}" + "".join(f"{t:>10}" for t in tools)
    ratios = [t for t in ("uv", "pip") if t in tools and "krait" in tools]
    header += "".join(f"{'krait/' + t:>12}" for t in ratios)
    log(header)
    for phase in phases:
        med = {t: statistics.median(times[(phase, t)]) for t in tools}
        row = f"{phase:6}" + "".join(f"{med[t]:10.2f}" for t in tools)
        row += "".join(f"{med['krait'] / med[t]:11.2f}x" for t in ratios)
        log(row)


if __name__ == "__main__":
    main()

# subprocess: missing executables and directories, CalledProcessError,
# TimeoutExpired from run/wait/communicate, preexec_fn failures
import subprocess

def show(f):
    try:
        r = f()
        print("ok", r)
    except subprocess.TimeoutExpired as e:
        print("TimeoutExpired", e.cmd, round(e.timeout, 1), e.output, e.stderr)
    except subprocess.CalledProcessError as e:
        print("CalledProcessError", e.returncode, e.cmd, e.output, e.stderr, "|", e)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, "|", e)
    except (subprocess.SubprocessError, ValueError) as e:
        print(type(e).__name__, e)

show(lambda: subprocess.run(["/nonexistent/prog"]))
show(lambda: subprocess.run(["no-such-program-krait-test"]))
show(lambda: subprocess.run(["ls"], cwd="/nonexistent-dir"))
show(lambda: subprocess.run(["/etc"]))
show(lambda: subprocess.run(["/etc/hostname"]))
show(lambda: subprocess.run(["true"], executable="/nonexistent/exe"))
show(lambda: subprocess.check_call(["false"]))
show(lambda: subprocess.check_output(["sh", "-c", "echo partial; exit 5"]))
show(lambda: subprocess.run(["sh", "-c", "echo o; echo e >&2; exit 2"], capture_output=True, check=True))
show(lambda: subprocess.run(["sleep", "5"], timeout=0.2))
show(lambda: subprocess.check_output(["sleep", "5"], timeout=0.1))
p = subprocess.Popen(["sleep", "5"])
show(lambda: p.wait(timeout=0.1))
p.kill()
print(p.wait())
p = subprocess.Popen(["sh", "-c", "sleep 5"], stdout=subprocess.PIPE)
show(lambda: p.communicate(timeout=0.1))
p.kill()
print(p.communicate(), p.returncode)
show(lambda: subprocess.run(["true"], preexec_fn=lambda: 1 / 0))
show(lambda: subprocess.run(["true"], preexec_fn=lambda: None))
show(lambda: subprocess.run("exit 9", shell=True, check=True))
show(lambda: subprocess.run(["echo"], stdin=subprocess.PIPE, input=b"x"))
show(lambda: subprocess.run(["echo", "a\0b"]))
show(lambda: subprocess.run(["true"], env={"A=B": "1"}))

# subprocess: run/check_output/Popen with pipes, input, shell, cwd, env,
# exit codes of exiting and signalled children
import os, signal, subprocess, sys

r = subprocess.run(["echo", "hello"], capture_output=True, text=True, timeout=10)
print(r)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT))
print(subprocess.check_output(["sh", "-c", "printf 'a\\nb\\n'"], text=True).splitlines())
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(input=b"x" * 200000)
print(len(out), err, p.returncode)
print(subprocess.run("echo $((6*7)); exit 4", shell=True, capture_output=True))
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout)
print(subprocess.run(["sh", "-c", "echo $KRAIT_VAR"], env={"KRAIT_VAR": "from-env", "PATH": os.environ.get("PATH", "/bin")},
                     capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "exit 7"]).returncode)
print(subprocess.call(["false"]), subprocess.call("exit 3", shell=True))
p = subprocess.Popen(["sleep", "30"])
p.send_signal(signal.SIGTERM)
print(p.wait())
p = subprocess.Popen(["sh", "-c", "kill -KILL $$"])
print(p.wait(), p.poll(), p.returncode)
p = subprocess.Popen(["sleep", "30"])
p.kill()
print(p.wait())
print(subprocess.run([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     input="abc", capture_output=True, text=True).stdout)
r, w = os.pipe()
subprocess.run(["sh", "-c", "echo through pass_fds >&%d" % w], pass_fds=(w,))
os.close(w)
print(os.read(r, 100))
os.close(r)
print(subprocess.getoutput("echo hi; exit 2"), subprocess.getstatusoutput("echo x; exit 3"))
with subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      stderr=subprocess.PIPE, text=True) as p:
    print(p.communicate("line1\nline2\n"))
print(p.returncode)
p = subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"value\n")
p.stdin.close()
print(p.stdout.read())
p.stdout.close()
print(p.wait())
print(subprocess.run(["sh", "-c", "umask"], umask=0o22, capture_output=True, text=True).stdout.strip())
print(subprocess.run(["sh", "-c", "echo $$ > /dev/null; test $(ps -o sid= -p $$) -eq $$ && echo leader"],
                     start_new_session=True, capture_output=True, text=True).stdout)

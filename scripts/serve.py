"""Serve the demo: the web server on 127.0.0.1:8000 and the background task worker, stopped together."""

import os
import signal
import subprocess
import sys

HOST = os.environ.get("PLEDGE_HOST", "127.0.0.1:8000")


def main() -> int:
    """Start both processes, print where to go, and stop both when either stops or on Ctrl+C."""
    worker = subprocess.Popen([sys.executable, "-m", "pledge.cli", "db_worker"])
    web = subprocess.Popen([sys.executable, "-m", "pledge.cli", "runserver", HOST, "--noreload"])
    sys.stdout.write(f"\nPledge is running at http://{HOST}/  (staff sign-in: http://{HOST}/staff/)\n")
    subprocess.run([sys.executable, "-m", "pledge.cli", "demo", "logins"], check=False)
    sys.stdout.write("Press Ctrl+C to stop.\n")
    sys.stdout.flush()
    try:
        while web.poll() is None and worker.poll() is None:
            try:
                web.wait(timeout=1)
            except subprocess.TimeoutExpired:
                continue
    except KeyboardInterrupt:
        pass
    finally:
        for process in (web, worker):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in (web, worker):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""TensorFlow is imported once, safely, whichever thread asks first."""
import subprocess
import sys

CODE = """
import threading
from cnnexplorer.ml import runtime
errors = []
def go(fn):
    try:
        fn()
    except BaseException as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=go, args=(f,)) for f in (runtime.tf, runtime.keras, runtime.load_backend)]
for t in threads: t.start()
for t in threads: t.join()
print("ERRORS:", errors)
info = runtime.load_backend()
print(info.summary)
"""


def test_concurrent_first_imports_from_worker_threads_succeed():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ERRORS: []" in result.stdout
    assert "Keras 3" in result.stdout and "TensorFlow" in result.stdout

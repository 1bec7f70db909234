import re
import subprocess
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parent.parent / "Makefile"


def test_make_help_lists_every_documented_target():
    documented = re.findall(r"^([^\s:#=]+):[^=\n]*## ", MAKEFILE.read_text(), re.MULTILINE)
    listed = subprocess.run(
        ["make", "--no-print-directory", "-f", MAKEFILE, "help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "test-e2e" in documented
    assert [target for target in documented if target not in listed] == []

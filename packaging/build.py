"""Build Briefer's self-contained package on this platform (`./dev package`).

    python packaging/build.py [--onefile]

1. records the build details (version, commit, date, Qt) in build/package/_build.json;
2. runs PyInstaller on packaging/briefer.spec (one folder: dist/Briefer, or dist/Briefer.app on
   macOS; with --onefile the two programs as single files in dist/onefile/);
3. prints the bundle's size, its largest files, and the built `briefer --version`.
Needs the `package` extra (`pip install -e .[package]`); the checkout is the only input.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import layout  # noqa: E402

ROOT = layout.ROOT
MB = 1024 * 1024


def write_build_details(target: Path) -> dict[str, str]:
    from PySide6.QtCore import qVersion

    from briefer.buildinfo import collect_build_details, write_build_file

    details = collect_build_details(ROOT, qt=qVersion())
    write_build_file(target, details)
    return details


def run_pyinstaller(onefile: bool) -> None:
    build_file = ROOT / "build" / "package" / "_build.json"
    details = write_build_details(build_file)
    print(f"==> building Briefer {details['version']} (commit {details['commit'] or '?'}, Qt {details['qt']})")
    env = dict(os.environ, BRIEFER_BUILD_FILE=str(build_file), BRIEFER_ONEFILE="1" if onefile else "0")
    dist = layout.DIST / "onefile" if onefile else layout.DIST
    work = ROOT / "build" / ("pyinstaller-onefile" if onefile else "pyinstaller")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(HERE / "briefer.spec")]
    if not onefile:
        shutil.rmtree(layout.bundle_root(), ignore_errors=True)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def report(onefile: bool) -> None:
    if onefile:
        for name in layout.PROGRAMS:
            path = layout.onefile_program(name)
            print(f"==> {path.relative_to(ROOT)}: {path.stat().st_size / MB:.1f} MiB")
        version_of = layout.onefile_program("briefer")
    else:
        root = layout.bundle_root()
        size = layout.tree_size(root)
        print(f"==> {root.relative_to(ROOT)}: {size / MB:.1f} MiB ({size / 1e6:.1f} MB) unpacked")
        for size, rel in layout.largest_files(root):
            print(f"    {size / MB:6.1f} MiB  {rel}")
        version_of = layout.program("briefer")
    out = subprocess.run([str(version_of), "--version"], capture_output=True, text=True, timeout=120, check=True)
    print(f"==> {out.stdout.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="the one-file variant (dist/onefile/)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    run_pyinstaller(args.onefile)
    report(args.onefile)
    print(f"==> built in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

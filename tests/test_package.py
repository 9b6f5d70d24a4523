"""The packaged Briefer (packaging/, `./dev package`) works on its own, and so does a wheel.

Outside the default test run (building takes minutes): `./dev package --test` builds and runs this
file, or, with a build in dist/ already:

    BRIEFER_PACKAGE_TEST=1 .venv/bin/python -m pytest -m package tests/test_package.py

The bundle is copied out of the checkout first and run from the copy with a fresh data folder,
home folder and working directory, so nothing can come from the checkout by accident.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from briefer import __version__

REPO = Path(__file__).resolve().parents[1]
RUN = os.environ.get("BRIEFER_PACKAGE_TEST") == "1"
if not RUN:
    pytest.skip("packaging tests: ./dev package --test (or BRIEFER_PACKAGE_TEST=1)", allow_module_level=True)
pytestmark = [pytest.mark.slow, pytest.mark.package]
SAMPLE_REL = Path("briefer", "_data", "resources", "samples", "kst-30821-196.pdf")
# what Qt may say on stderr without anything being wrong
HARMLESS = [
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),  # offscreen platform
    re.compile(r"^qt\.qpa\.fonts: Populating font family aliases took \d+ ms"),  # macOS
]


def _layout():
    spec = importlib.util.spec_from_file_location("briefer_layout", REPO / "packaging" / "layout.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


layout = _layout()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """A copy of dist/'s one-folder build outside the checkout (its dist root)."""
    built = layout.bundle_root()
    if not layout.program("briefer").exists():
        pytest.fail(f"{built} is not built: run ./dev package first")
    dist = tmp_path_factory.mktemp("dist")
    shutil.copytree(built, dist / built.name, symlinks=True)
    return dist


@pytest.fixture
def user(tmp_path) -> dict[str, str]:
    """The environment of a user who never ran Briefer: empty data folder, home with Documents."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFER_", "PYTHON"))}
    env.update(BRIEFER_HOME=str(tmp_path / "data"), HOME=str(home), USERPROFILE=str(home),
               QT_QPA_PLATFORM="offscreen")
    return env


def run(bundle: Path, program: str, *args: str, env: dict[str, str], cwd: Path, timeout: float = 180,
        ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(layout.program(program, bundle)), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, check=False)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def serious(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not any(p.search(line) for p in HARMLESS)]


def git_head() -> str:
    return subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def snapshot(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


# ---------------------------------------------------------------------------------------------


def test_version_names_this_checkouts_build(bundle, user, tmp_path):
    out = run(bundle, "briefer", "--version", env=user, cwd=tmp_path).stdout.strip()
    match = re.fullmatch(rf"Briefer {re.escape(__version__)} \(gebouwd (\S+ \S+) UTC, commit (\w+)(-gewijzigd)?; "
                         r"Python 3\.\d+\.\d+, Qt 6\.\d+\.\d+\)", out)
    assert match, out
    assert git_head().startswith(match.group(2)), "the build is not of this checkout's commit: rebuild it"


def test_the_bundle_carries_everything(bundle, user, tmp_path):
    out = tmp_path / "selfcheck.json"  # a windowed Windows program may have no stdout
    proc = run(bundle, "briefer-app", env={**user, "BRIEFER_SELFCHECK": "1", "BRIEFER_PROBE_OUT": str(out)},
               cwd=tmp_path, ok=False)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 0, json.dumps(report) + proc.stderr
    assert report["frozen"] and report["inside_bundle"]
    assert Path(report["bundle"]).resolve().is_relative_to(bundle.resolve())
    assert Path(report["plugins"]).resolve().is_relative_to(bundle.resolve())
    assert report["migrations"] == sorted(p.name for p in (REPO / "db").glob("*.sql"))
    assert report["lexicons"] == sorted(p.name for p in (REPO / "resources" / "lexicons").glob("*.json"))
    assert report["translations_nl"] is True
    assert report["pdf_pages"] == 24  # QtPdf renders from inside the bundle
    assert report["platform"] == "offscreen"
    assert serious(proc.stderr) == []


def test_cli_imports_annotates_and_exports_into_the_users_folders(bundle, user, tmp_path):
    db = tmp_path / "werk.db"
    sample = next(bundle.rglob(str(SAMPLE_REL)))
    before = snapshot(bundle)
    out = run(bundle, "briefer", "--db", str(db), "import", str(sample), env=user, cwd=tmp_path).stdout
    assert "Kamerstuk:      30 821, nr. 196" in out and "Vragen:         41" in out
    shown = run(bundle, "briefer", "--db", str(db), "show", "30821-196", "16", env=user, cwd=tmp_path).stdout
    assert "vertrouwelijke technische briefing" in shown
    run(bundle, "briefer", "--db", str(db), "highlight", "30821-196", "16", "--quote",
        "vertrouwelijke technische briefing", "--domain", "2", "--level", "intern", env=user, cwd=tmp_path)
    run(bundle, "briefer", "--db", str(db), "note", "30821-196", "16", "--text",
        "**Let op**\n\n| wat | wanneer |\n|---|---|\n| briefing | dec |", "--level", "intern",
        env=user, cwd=tmp_path)
    out = run(bundle, "briefer", "--db", str(db), "export", "30821-196", "--kind", "technisch",
              env=user, cwd=tmp_path).stdout
    documents = Path(user["HOME"]) / "Documents"
    made = list(documents.glob("*Technische briefing 30821-196.docx"))
    assert len(made) == 1, out  # the default export folder is the user's Documents
    with zipfile.ZipFile(made[0]) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "vertrouwelijke technische briefing" in body and "<w:tbl>" in body  # the Markdown table
    audit = shutil.which("openxml-audit") or str(Path(sys.executable).parent / "openxml-audit")
    checked = subprocess.run([audit, "-f", "microsoft365", str(made[0])], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert snapshot(bundle) == before  # nothing was written into the bundle


def test_large_pdf_uses_worker_processes_and_parses_as_the_checkout(bundle, user, tmp_path):
    from tests.helpers.pdfmaker import flow_document

    text = (REPO / "resources" / "samples" / "kst-30821-196.txt").read_text(encoding="utf-8")
    big = flow_document([p for p in text.split("\n\n") if p.strip()], lines_per_page=20).save(tmp_path / "groot.pdf")
    frozen = run(bundle, "briefer", "parse", str(big), "--json", env=user, cwd=tmp_path)
    assert "zonder hulpprocessen" not in frozen.stderr  # the frozen forkserver/spawn pool worked
    checkout = subprocess.run([sys.executable, "-m", "briefer", "parse", str(big), "--json"], capture_output=True,
                              text=True, encoding="utf-8", cwd=REPO, timeout=300, check=True)
    parsed = json.loads(frozen.stdout)
    assert len(parsed["items"]) > 30
    assert parsed == json.loads(checkout.stdout)


def test_encrypted_pdf_is_read_with_the_bundled_aes(bundle, user, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(REPO / "resources" / "samples" / "kst-30821-196.pdf"))
    writer.encrypt(user_password="", owner_password="geheim", algorithm="AES-256")
    locked = tmp_path / "kst-30821-196-beveiligd.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    out = run(bundle, "briefer", "--db", str(tmp_path / "b.db"), "import", str(locked), env=user, cwd=tmp_path).stdout
    assert "Vragen:         41" in out


def test_shared_samples_parse_as_in_the_checkout(bundle, user, tmp_path):
    found = [d for d in (REPO.parent / "shared" / "samples", REPO.parents[1] / "shared" / "samples") if d.is_dir()]
    if not found:
        pytest.skip("no shared samples next to this checkout")
    files = sorted(p for p in found[0].iterdir() if p.suffix in (".pdf", ".docx", ".txt"))
    assert files
    for path in files:
        frozen = run(bundle, "briefer", "parse", str(path), "--json", env=user, cwd=tmp_path)
        checkout = subprocess.run([sys.executable, "-m", "briefer", "parse", str(path), "--json"], capture_output=True,
                                  text=True, encoding="utf-8", cwd=REPO, timeout=300, check=True)
        assert json.loads(frozen.stdout) == json.loads(checkout.stdout), path.name


def test_gui_first_start_imports_the_sample_and_runs_10_s_cleanly(bundle, user, tmp_path):
    before = snapshot(bundle)
    started = time.monotonic()
    proc = run(bundle, "briefer-app", env={**user, "BRIEFER_CLOSE_AFTER": "10"}, cwd=tmp_path, timeout=120, ok=False)
    assert time.monotonic() - started >= 10  # it ran until closed, it did not fall over early
    assert proc.returncode == 0, proc.stderr
    assert serious(proc.stderr) == []
    data = Path(user["BRIEFER_HOME"])
    assert (data / "briefer.db").is_file() and (data / "settings.json").is_file()
    listing = run(bundle, "briefer", "--db", str(data / "briefer.db"), "list", env=user, cwd=tmp_path).stdout
    assert "30 821, nr. 196" in listing and "41 vragen" in listing  # the first start imported the sample
    assert snapshot(bundle) == before


def test_gui_takes_its_arguments(bundle, user, tmp_path):
    other = tmp_path / "elders" / "ander.db"
    other.parent.mkdir()
    proc = run(bundle, "briefer-app", "--db", str(other), env={**user, "BRIEFER_CLOSE_AFTER": "6"}, cwd=tmp_path,
               timeout=120, ok=False)
    assert proc.returncode == 0 and serious(proc.stderr) == [], proc.stderr
    assert other.is_file() and not (Path(user["BRIEFER_HOME"]) / "briefer.db").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("strace"), reason="Linux with strace")
def test_nothing_is_read_from_the_checkout(bundle, user, tmp_path):
    trace = tmp_path / "trace.txt"
    sample = next(bundle.rglob(str(SAMPLE_REL)))
    for program, args, extra in (("briefer", ["--db", str(tmp_path / "t.db"), "import", str(sample)], {}),
                                 ("briefer-app", [], {"BRIEFER_SELFCHECK": "1"})):
        subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,stat,newfstatat,access", "-o", str(trace),
                        str(layout.program(program, bundle)), *args], env={**user, **extra}, cwd=tmp_path,
                       capture_output=True, timeout=180, check=True)
        touched = {p for p in re.findall(r'"(/[^"]*)"', trace.read_text(errors="replace"))
                   if Path(p).is_relative_to(REPO)}
        assert touched == set(), f"{program} looked into the checkout: {sorted(touched)[:5]}"


def test_a_wheel_carries_the_shipped_folders(tmp_path):
    """`pip install .` (not editable): resources/, db/ and the build details travel inside the package."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(wheels.glob("briefer-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        build = json.loads(z.read("briefer/_build.json"))
    for sql in (REPO / "db").glob("*.sql"):
        assert f"briefer/_data/db/{sql.name}" in names
    for res in ("domains.json", "template.docx", "samples/kst-30821-196.pdf", "lexicons/voedselzekerheid.json"):
        assert f"briefer/_data/resources/{res}" in names
    assert build["version"] == __version__ and git_head().startswith(build["commit"].removesuffix("-gewijzigd"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    probe = (
        "import json, briefer, pathlib\n"
        "from briefer import paths\n"
        "from briefer.store import Store\n"
        "from briefer.store.db import MIGRATIONS_DIR\n"
        "from briefer.importer import import_file\n"
        "from briefer.buildinfo import build_info\n"
        "with Store.open(pathlib.Path('w.db')) as s:\n"
        "    n = import_file(s, paths.SAMPLE_DOCUMENT).document.item_count\n"
        "print(json.dumps({'package': briefer.__file__, 'resources': str(paths.RESOURCES),\n"
        "                  'db': str(MIGRATIONS_DIR), 'items': n, 'packaged': build_info().packaged}))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFER_")}
    env.update(PYTHONPATH=str(target), BRIEFER_HOME=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=300, check=True).stdout
    seen = json.loads(out)
    for key in ("package", "resources", "db"):
        assert Path(seen[key]).is_relative_to(target), seen
    assert seen["items"] == 41 and seen["packaged"] is True

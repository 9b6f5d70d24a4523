"""Nothing of this machine in the file: no paths, user or host names, ids, rsids, python-docx traces."""

from __future__ import annotations

import getpass
import os
import re
import socket
import zipfile
from pathlib import Path

import docx
import pytest
from export_helpers import all_parts_text

from briefer import paths
from briefer.export import BriefingOptions, export_briefing
from briefer.model import Level

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


@pytest.mark.parametrize("kind", ["kamerlid", "technisch"])
def test_no_traces_of_the_machine(tmp_path, secret_bundle, kind):
    opts = BriefingOptions(kind=kind, ceiling=Level.VERTROUWELIJK, author="A. Medewerker")
    path = export_briefing([secret_bundle], opts, tmp_path / "b.docx")
    parts = all_parts_text(path)
    forbidden = [str(tmp_path), str(paths.REPO_ROOT), str(Path.home()), os.getcwd(), "python-docx",
                 "Normal.dotm", "Microsoft Macintosh Word", "lastModifiedBy", "<cp:lastPrinted"]
    user, host = getpass.getuser(), socket.gethostname()
    for value in (user, host):
        if len(value) >= 5:  # short names ("root") would match ordinary words
            forbidden.append(value)
    for name, text in parts.items():
        for needle in forbidden:
            assert needle not in text, (name, needle)
        assert not UUID_RE.search(text), (name, UUID_RE.search(text).group(0))
        assert not re.search(r"\bw:rsid|w14:paraId|w14:textId|w15:docId|attachedTemplate|docVars", text), name
    names = set(parts)
    assert not any(n.startswith(("customXml/", "docProps/custom", "docProps/thumbnail")) for n in names)
    assert "word/stylesWithEffects.xml" not in names


def test_properties_hold_only_what_we_set(tmp_path, bundle):
    path = export_briefing([bundle], BriefingOptions(kind="technisch", author="Jan Jansen"), tmp_path / "b.docx")
    cp = docx.Document(str(path)).core_properties
    assert cp.author == "Jan Jansen"
    assert cp.title.startswith("Technische briefing") and cp.subject
    assert cp.comments == "" and cp.last_modified_by == "" and cp.identifier == "" and cp.version == ""
    app = zipfile.ZipFile(path).read("docProps/app.xml").decode()
    assert "<Template>" not in app and "<Company>" not in app and "Briefer" in app


def test_template_file_itself_is_clean():
    parts = all_parts_text(paths.RESOURCES / "template.docx")
    for name, text in parts.items():
        assert "python-docx" not in text and not UUID_RE.search(text), name
        assert "w:rsid" not in text, name

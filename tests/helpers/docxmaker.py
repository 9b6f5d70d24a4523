"""Tests: a small hand-written .docx writer for what python-docx cannot make: Word footnotes, text
boxes in a first-page header, tables before the text, page breaks.

    make_docx(path, [
        table([["Datum", "25 juli 2024"], ["Ons kenmerk", "12345"]]),
        "Gewone alinea met een voetnoot{fn:Kamerstuk 36 410, nr. 3.} erin.",
        PAGE_BREAK,
        "Vraag 1",
    ], header=["Datum", "25 juli 2024", "Betreft", "Iets"], footer=["Pagina 1 van 2"])

A paragraph is a string; "{fn:TEXT}" places a real Word footnote with that text. The header is
drawn in a text box (stored twice, as Word does: mc:Choice and mc:Fallback).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

PAGE_BREAK = object()
_FN = re.compile(r"\{fn:([^}]*)\}")

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')


class table:  # noqa: N801 - reads as a keyword in the body list
    """Tests: a table of rows of cell texts."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = rows


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, notes: list[str]) -> str:
    out, pos = [], 0
    for m in _FN.finditer(text):
        out.append(_run(text[pos:m.start()]))
        notes.append(m.group(1))
        out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                   f'<w:footnoteReference w:id="{len(notes)}"/></w:r>')
        pos = m.end()
    out.append(_run(text[pos:]))
    return "<w:p>" + "".join(out) + "</w:p>"


def _box(lines: list[str]) -> str:
    inner = "".join(f"<w:p>{_run(x)}</w:p>" for x in lines)
    return ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
            f'{inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')


def make_docx(path: Path, body: list[object], *, header: list[str] | None = None,
              footer: list[str] | None = None) -> Path:
    notes: list[str] = []
    parts: list[str] = []
    for block in body:
        if block is PAGE_BREAK:
            parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif isinstance(block, table):
            rows = "".join("<w:tr>" + "".join(f"<w:tc>{_para(c, notes)}</w:tc>" for c in row) + "</w:tr>"
                           for row in block.rows)
            parts.append(f"<w:tbl>{rows}</w:tbl>")
        else:
            parts.append(_para(str(block), notes))
    refs = ""
    rels = ['<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'footnotes" Target="footnotes.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.footnotes+xml"/>']
    files: dict[str, str] = {}
    if header:
        refs += '<w:headerReference w:type="first" r:id="rIdH1"/>'
        rels.append('<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/header" Target="header1.xml"/>')
        types.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.wordprocessingml.header+xml"/>')
        files["word/header1.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {_NS}>{_box(header)}</w:hdr>'
    if footer:
        refs += '<w:footerReference w:type="default" r:id="rIdF1"/>'
        rels.append('<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/footer" Target="footer1.xml"/>')
        types.append('<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.wordprocessingml.footer+xml"/>')
        files["word/footer1.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {_NS}>'
                                     + "".join(f"<w:p>{_run(x)}</w:p>" for x in footer) + "</w:ftr>")
    sect = f"<w:sectPr>{refs}<w:titlePg/></w:sectPr>"
    files["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>'
                                  + "".join(parts) + sect + "</w:body></w:document>")
    fns = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + t)}</w:p></w:footnote>'
                  for i, t in enumerate(notes, start=1))
    files["word/footnotes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {_NS}>'
                                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                                   f'</w:footnote>{fns}</w:footnotes>')
    files["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships">' + "".join(rels) + "</Relationships>")
    files["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path

"""Core: a Word package to write a briefing into, and its clean, leak-free saving.

`DocxWriter` starts from the template (python-docx `Document(template)`), empties the body (the
template's styles, page setup and headers stay), and appends prepared XML elements. It writes the
parts python-docx has no API for: footnotes, numbering for nested lists, the table of contents,
"Pagina X van Y". `finish` sets the document properties and scrubs everything of this machine from
the package: core and app properties, rsids, paraIds, the attached-template path, custom XML,
thumbnails.

The table of contents is a list of entries whose page numbers are PAGEREF fields to the headings'
bookmarks, not a TOC field: LibreOffice computes PAGEREF fields whenever it lays the document out
(a TOC field it shows as cached text, without numbers), and Word updates every field when it opens
the file (`w:updateFields`) and before printing. Until then the numbers are Briefer's own estimate
(`briefer.export.layout`).
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from briefer import paths
from briefer.export.layout import Layout, estimate
from briefer.export.markdown_docx import NoteCache
from briefer.export.ooxml import (
    R_NS,
    W_NS,
    W_VAL,
    bookmark,
    el,
    field_runs,
    hyperlink,
    page_break,
    paragraph,
    run,
    w,
    xml_text,
)
from briefer.export.options import ExportError
from briefer.export.styles import ensure_language, ensure_styles

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from lxml.etree import _Element as Element

DEFAULT_TEMPLATE = paths.RESOURCES / "template.docx"
CONFIDENTIAL_MARK = "VERTROUWELIJK"

_FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)
_ENDNOTES_XML = (_FOOTNOTES_XML.replace("w:footnotes", "w:endnotes").replace("w:footnote ", "w:endnote ")
                 .replace("</w:footnote>", "</w:endnote>"))
_TEMPLATE_KEEP = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.FONT_TABLE, RT.THEME, RT.WEB_SETTINGS, RT.HEADER,
                  RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES}
_NUMBERING_XML = f'<w:numbering xmlns:w="{W_NS}"/>'
_BULLETS = ["•", "◦", "▪"]
_NUMFMT = ["decimal", "lowerLetter", "lowerRoman"]

# Parts dropped from every package: nothing of them is needed, and they can carry the machine's traces.
_DROP_RELTYPES = {
    RT.CUSTOM_XML, RT.THUMBNAIL, RT.CUSTOM_PROPERTIES,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.microsoft.com/office/2011/relationships/people",
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    RT.COMMENTS, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    RT.GLOSSARY_DOCUMENT,
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
}
_AFTER_UPDATE = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                 "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                 "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                 "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"}
_SCRUB_ATTR = re.compile(r"^(rsid.*|paraId|textId)$")
_SCRUB_SETTINGS = {"rsids", "rsid", "savePreviewPicture", "attachedTemplate", "docVars", "docId", "saveThroughXslt", "writeProtection"}


def open_template(template: Path | None) -> DocxDocument:
    """python-docx Document from the house template or the user's own .docx."""
    path = Path(template) if template else DEFAULT_TEMPLATE
    if not path.is_file():
        raise ExportError(f"Het sjabloon {path} bestaat niet: kies een bestaand Word-bestand (.docx).")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a bad package
        raise ExportError(
            f"Het sjabloon {path.name} is geen bruikbaar Word-bestand (.docx): kies een ander sjabloon ({exc})."
        ) from exc


class DocxWriter:
    """Core: appends briefing content to a template's body as prepared WordprocessingML."""

    def __init__(self, template: Path | None = None, notes: NoteCache | None = None) -> None:
        self.notes = notes if notes is not None else NoteCache()  # each note converted once per briefing
        self.doc = open_template(template)
        self.part = self.doc.part
        self.body = self.doc.element.body
        self._sect = self.body.find(w("sectPr"))
        if self._sect is None:
            self._sect = el("sectPr", self.body)
        for child in list(self.body):
            if child is not self._sect:
                self.body.remove(child)
        self.styles = ensure_styles(self.doc.styles.element)
        ensure_language(self.doc.styles.element)
        self.text_width, self.text_height = _text_area(self._sect)
        self._forget_template_content()
        self._footnotes_el = None
        self._footnote_id = 0
        self._numbering = None
        self._abstract: dict[bool, int] = {}
        self._next_num = 0
        self._bookmark = 0
        self._links: dict[str, str] = {}
        self._footnote_chars: dict[str, int] = {}
        self._layout: tuple[tuple[int, int], int | None, Layout] | None = None
        self.toc: list[tuple[int, str, str]] = []  # (level, text, bookmark)
        self._toc_anchor = None

    def _forget_template_content(self) -> None:
        """Drop what the template's old body pointed at (links, images, comments, footnote and
        endnote text) and our own VERTROUWELIJK marking when a previous briefing is the template."""
        used = {v for e in self.doc.element.iter() if isinstance(e.tag, str)
                for k, v in e.attrib.items() if k.startswith(f"{{{R_NS}}}")}
        for rid, rel in list(self.part.rels.items()):
            if rel.reltype in _TEMPLATE_KEEP or rid in used:
                continue
            self.part.rels.pop(rid)
        for reltype, part_xml, ct, name in ((RT.FOOTNOTES, _FOOTNOTES_XML, CT.WML_FOOTNOTES, "footnotes"),
                                            (RT.ENDNOTES, _ENDNOTES_XML, CT.WML_ENDNOTES, "endnotes")):
            for rid, rel in list(self.part.rels.items()):
                if rel.reltype == reltype:  # separators only: the template's own notes never survive
                    self.part.rels.pop(rid)
                    part = XmlPart(PackURI(f"/word/{name}.xml"), ct, parse_xml(part_xml), self.part.package)
                    self.part.relate_to(part, reltype)
                    if reltype == RT.FOOTNOTES:
                        self._footnotes_el = part.element
        mark_style = self.styles["Briefer Rubricering"]
        for rel in list(self.part.rels.values()):
            if rel.reltype in (RT.HEADER, RT.FOOTER):
                root = rel.target_part.element
                for p in list(root.iterchildren(w("p"))):
                    ppr = p.find(w("pPr"))
                    style = ppr.find(w("pStyle")) if ppr is not None else None
                    if style is not None and style.get(W_VAL) == mark_style:
                        root.remove(p)

    # -- styles and plain content -------------------------------------------------------------

    def sid(self, name: str) -> str:
        """The style id for a style name (ensured at start)."""
        return self.styles[name]

    def add(self, element: Element) -> Element:
        self._sect.addprevious(element)
        return element

    def para(self, text: str = "", style: str | None = "Normal", **kw: Any) -> Element:
        return self.add(paragraph(self.sid(style) if style else None, [run(text)] if text else [], **kw))

    def runs_para(self, runs: Iterable[Element], style: str | None = "Normal", **kw: Any) -> Element:
        return self.add(paragraph(self.sid(style) if style else None, runs, **kw))

    def heading(self, text: str, level: int, *, toc: bool = True, runs: Iterable[Element] | None = None,
                page_break_before: bool = False) -> Element:
        p = paragraph(self.sid(f"heading {min(max(level, 1), 6)}"), runs if runs is not None else [run(text)],
                      page_break_before=page_break_before)
        if toc:
            self._bookmark += 1
            name = f"_Toc{self._bookmark:06d}"
            bookmark(p, name, self._bookmark)
            self.toc.append((level, text, name))
        return self.add(p)

    def page_break(self) -> None:
        self.add(page_break())

    def section_break(self) -> None:
        """End the current section (new page); the next one keeps the same page setup and headers."""
        sect = copy.deepcopy(self._sect)
        self.add(paragraph(None, [], sect=sect))

    # -- hyperlinks ---------------------------------------------------------------------------

    def link_rid(self, url: str) -> str:
        url = xml_text(url)
        rid = self._links.get(url)
        if rid is None:
            rid = self._links[url] = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return rid

    # -- footnotes ----------------------------------------------------------------------------

    def _footnotes(self):
        """The footnotes part (separators only until we add notes), created when missing."""
        if self._footnotes_el is None:
            for rid, rel in list(self.part.rels.items()):
                if rel.reltype == RT.FOOTNOTES:  # the template's own footnotes: replaced, never kept
                    self.part.rels.pop(rid)
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML),
                           self.part.package)
            self.part.relate_to(part, RT.FOOTNOTES)
            self._footnotes_el = part.element
            self._declare_footnote_separators()
        return self._footnotes_el

    def _declare_footnote_separators(self) -> None:
        """Point the settings at the separator notes (-1, 0), as Word itself writes them."""
        settings = self.doc.settings.element
        old = settings.find(w("footnotePr"))
        if old is not None:  # the template's, pointing at its own (dropped) notes
            settings.remove(old)
        pr = el("footnotePr")
        el("footnote", pr, id="-1")
        el("footnote", pr, id="0")
        self._insert_setting(pr, _AFTER_UPDATE - {"hdrShapeDefaults", "footnotePr"})

    @staticmethod
    def _follower(settings, names: set[str]):  # noqa: ANN001, ANN205
        """The first settings child whose name is in `names` (schema order: insert before it)."""
        return next((c for c in settings if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in names), None)

    def _insert_setting(self, child, followers: set[str]) -> None:  # noqa: ANN001
        settings = self.doc.settings.element
        follower = self._follower(settings, followers)
        if follower is not None:
            follower.addprevious(child)
        else:
            settings.append(child)

    def footnote(self, text: str) -> int:
        """Add a footnote with plain `text`; returns its id for a w:footnoteReference."""
        root = self._footnotes()
        self._footnote_id += 1
        fid = self._footnote_id
        fn = el("footnote", root, id=str(fid))
        ref = run("", style=self.sid("footnote reference"))
        el("footnoteRef", ref)
        fn.append(paragraph(self.sid("footnote text"), [ref, run(" " + text)]))
        self._footnote_chars[str(fid)] = len(text)
        return fid

    # -- numbering (lists) --------------------------------------------------------------------

    def _numbering_root(self):
        if self._numbering is None:
            try:
                part = self.part.part_related_by(RT.NUMBERING)
                root = part.element
            except KeyError:
                part = XmlPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, parse_xml(_NUMBERING_XML),
                               self.part.package)
                self.part.relate_to(part, RT.NUMBERING)
                root = part.element
            self._numbering = root
            ids = [int(a.get(w("abstractNumId"), "0")) for a in root.iterchildren(w("abstractNum"))]
            nums = [int(n.get(w("numId"), "0")) for n in root.iterchildren(w("num"))]
            base = max(ids, default=0) + 1
            self._next_num = max(nums, default=0) + 1
            for i, ordered in enumerate((False, True)):
                self._abstract[ordered] = base + i
                self._add_abstract(root, base + i, ordered)
        return self._numbering

    def _add_abstract(self, root, ident: int, ordered: bool) -> None:
        a = el("abstractNum", None, abstractNumId=str(ident))
        el("multiLevelType", a, val="hybridMultilevel")
        for lvl in range(9):
            lv = el("lvl", a, ilvl=str(lvl))
            el("start", lv, val="1")
            if ordered:
                el("numFmt", lv, val=_NUMFMT[lvl % 3])
                el("lvlText", lv, val=f"%{lvl + 1}.")
            else:
                el("numFmt", lv, val="bullet")
                el("lvlText", lv, val=_BULLETS[lvl % 3])
            el("lvlJc", lv, val="left")
            ppr = el("pPr", lv)
            el("ind", ppr, left=str(360 * (lvl + 1)), hanging="360")
        first_num = root.find(w("num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            root.append(a)

    def new_list(self, ordered: bool) -> int:
        """A fresh w:num (numbering restarts) for one list; returns its numId."""
        root = self._numbering_root()
        num_id = self._next_num
        self._next_num += 1
        n = el("num", root, numId=str(num_id))
        el("abstractNumId", n, val=str(self._abstract[ordered]))
        ov = el("lvlOverride", n, ilvl="0")
        el("startOverride", ov, val="1")
        return num_id

    # -- table of contents --------------------------------------------------------------------

    def toc_here(self) -> None:
        """Place the table of contents here; its entries are filled in by `finish`."""
        self._toc_anchor = self.add(paragraph(self.sid("Normal")))

    def estimate(self, stop_after: int | None = None) -> Layout:
        """How the body as written so far falls into pages (an estimate; see `briefer.export.layout`).

        Remembered until the body changes; `stop_after` pages ends the walk early (see `estimate`).
        """
        key = (len(self.body), id(self.body[-1]) if len(self.body) else 0)
        cached = self._layout
        if cached is not None and cached[0] == key and (cached[1] is None or cached[1] == stop_after):
            return cached[2]
        layout = estimate(self.body, self.doc.styles.element, width=self.text_width, height=self.text_height,
                          footnotes=self._footnote_chars, stop_after=stop_after)
        self._layout = (key, stop_after if layout.last_page_fill >= 1.0 and stop_after else None, layout)
        return layout

    def _fill_toc(self) -> None:
        anchor = self._toc_anchor
        if anchor is None:
            return
        entries = [(lvl, text, bm) for lvl, text, bm in self.toc if lvl <= 2]
        paras = []
        numbers: list[Element] = []
        for lvl, text, bm in entries:
            number = run("")
            numbers.append(number)
            link = hyperlink([run(text), run("\t"), *field_runs(f"PAGEREF {bm} \\h", [number])], anchor=bm)
            paras.append(paragraph(self.sid(f"toc {min(lvl, 2)}"), [link]))
        if not paras:
            paras = [paragraph(self.sid("Normal"), [run("Geen hoofdstukken.")])]
        for p in paras:
            anchor.addprevious(p)
        anchor.getparent().remove(anchor)
        self._toc_anchor = None
        pages = self.estimate().bookmarks  # with the entries in place: the TOC's own length counts
        for (_lvl, _text, bm), number in zip(entries, numbers, strict=True):
            t = el("t", number)
            t.text = str(pages.get(bm, ""))
        settings = self.doc.settings.element
        if settings.find(w("updateFields")) is None:  # Word refreshes the page numbers on open
            self._insert_setting(el("updateFields", None, val="true"), _AFTER_UPDATE)

    # -- headers, footers, properties, saving -------------------------------------------------

    def mark_confidential(self) -> None:
        """VERTROUWELIJK at the top of the header and footer of every section (all variants)."""
        style = self.sid("Briefer Rubricering")
        done: set[int] = set()
        for section in self.doc.sections:
            targets = [section.header, section.footer]
            if section.different_first_page_header_footer:
                targets += [section.first_page_header, section.first_page_footer]
            if self.doc.settings.odd_and_even_pages_header_footer:
                targets += [section.even_page_header, section.even_page_footer]
            for hf in targets:
                hf.is_linked_to_previous = False
                if id(hf.part) in done:  # sections may share one header part
                    continue
                done.add(id(hf.part))
                hf._element.insert(0, paragraph(style, [run(CONFIDENTIAL_MARK)]))

    def ensure_page_numbers(self) -> None:
        """"Pagina X van Y" in the first section's footer when the template's footer has no page number."""
        footer = self.doc.sections[0].footer
        if not footer.is_linked_to_previous and "PAGE" in etree.tostring(footer._element, encoding="unicode"):
            return
        footer.is_linked_to_previous = False
        footer._element.append(page_number_paragraph(self.sid("footer")))

    def finish(self, *, title: str, subject: str, author: str, keywords: str, category: str) -> bytes:
        """Set the properties, scrub the package and return the .docx bytes."""
        self._fill_toc()
        self._set_properties(title, subject, author, keywords, category)
        self._scrub()
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

    def _set_properties(self, title: str, subject: str, author: str, keywords: str, category: str) -> None:
        cp = self.doc.core_properties
        core = cp._element
        for child in list(core):
            core.remove(child)
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        title, subject, author, keywords, category = (xml_text(x) for x in (title, subject, author, keywords,
                                                                            category))
        cp.title = title
        cp.subject = subject
        cp.author = author
        cp.keywords = keywords
        cp.category = category
        cp.created = now
        cp.modified = now
        cp.revision = 1
        cp.language = "nl-NL"
        for _rid, rel in list(self.doc.part.package.rels.items()):
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = (
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                    b"<Application>Briefer</Application><DocSecurity>0</DocSecurity></Properties>"
                )

    def _scrub(self) -> None:
        package = self.doc.part.package
        for owner in [package, *package.iter_parts()]:
            for rid, rel in list(owner.rels.items()):
                if rel.reltype in _DROP_RELTYPES:
                    owner.rels.pop(rid)
        for part in package.iter_parts():
            if part is self.part:
                # the body holds only elements we wrote; what came from the template is the page setup
                for sect in self.body.iter(w("sectPr")):
                    _scrub_tree(sect)
                for attr in list(self.doc.element.attrib):
                    if _SCRUB_ATTR.match(attr.rsplit("}", 1)[-1]):
                        del self.doc.element.attrib[attr]
            elif isinstance(part, XmlPart):
                _scrub_tree(part.element)
            elif part.content_type.endswith("+xml") and part.partname != "/docProps/app.xml":
                try:
                    root = etree.fromstring(part.blob)
                except etree.XMLSyntaxError:
                    continue
                _scrub_tree(root)
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_number_paragraph(style: str) -> Element:
    """Right-aligned "Pagina X van Y" with PAGE and NUMPAGES fields."""
    runs = [run("Pagina "), *field_runs("PAGE", [run("1")]), run(" van "), *field_runs("NUMPAGES", [run("1")])]
    return paragraph(style, runs, align="right")


def _text_area(sect) -> tuple[float, float]:  # noqa: ANN001
    """Width and height in points of the text area of a section (A4 with 2.5 cm margins when unknown)."""
    def twips(child: str, attr: str, default: int) -> int:
        node = sect.find(w(child)) if sect is not None else None
        try:
            return int(node.get(w(attr))) if node is not None and node.get(w(attr)) else default
        except ValueError:
            return default

    width = twips("pgSz", "w", 11906) - twips("pgMar", "left", 1417) - twips("pgMar", "right", 1417)
    height = twips("pgSz", "h", 16838) - twips("pgMar", "top", 1417) - twips("pgMar", "bottom", 1247)
    return max(2000, width) / 20.0, max(2000, height) / 20.0


def _scrub_tree(root) -> None:
    doomed = []
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        for attr in list(e.attrib):
            if _SCRUB_ATTR.match(attr.rsplit("}", 1)[-1]):
                del e.attrib[attr]
        if e.tag.rsplit("}", 1)[-1] in _SCRUB_SETTINGS and e.getparent() is not None:
            doomed.append(e)
    for e in doomed:
        e.getparent().remove(e)

"""Benchmark: both briefings of a 1,500-item document with 3,000 highlights and 1,500 notes.

Technische briefing: the time Briefer needs (selection + building + TOC page estimate + scrubbing +
saving) and the ratio to python-docx writing the same paragraphs plainly (heading, question,
answer, note text per item, one `add_paragraph` each, no highlights, footnotes or formatting).
Targets: < 10 s, ratio <= 1.5.

Kamerlidbriefing of the same document (every answer in two domains, each with a note of its own,
so the briefing is laid out at several levels of detail before it fits): the time, how often each
note was converted, and the ratio to python-markdown alone converting each distinct note once (the
part of the work that cannot be skipped). Issue 16: each note rendered once per briefing.

Every run starts cold: the process-wide cache of converted notes is emptied first.

Run: .venv/bin/python bench/export_bench.py [--items N] [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import markdown  # noqa: E402

from briefer.export import BriefingOptions, export_briefing  # noqa: E402
from briefer.export.markdown_docx import separate_blocks, to_html  # noqa: E402
from briefer.model import (  # noqa: E402
    DocumentAnnotations,
    Domain,
    FollowUp,
    Footnote,
    Highlight,
    Level,
    Note,
    StoredDocument,
    StoredItem,
)

PARTIES = ["VVD", "D66", "PVV", "CDA", "GroenLinks-PvdA", "SP", "NSC", "BBB"]
WORDS = ("strategische afhankelijkheden kabinet grondstoffen waardeketens Europese Commissie "
         "onderzoek voortgang Kamer risico's mitigeren halfgeleiders medicijnen voedselzekerheid "
         "diversificatie leveranciers taskforce monitor beleid").split()
NOTE = ("## Duiding\n\nHet kabinet geeft **geen termijn** maar wel een *tijdlijn*; zie "
        "[de brief](https://www.tweedekamer.nl/).\n\n- eerste punt\n  - genest\n- tweede punt\n")


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_bundle(n_items: int, seed: int = 7) -> DocumentAnnotations:
    rng = random.Random(seed)
    doc_id = str(uuid.uuid4())
    domains = [Domain(id=str(uuid.uuid4()), name=f"Domein {i + 1}", colour=c, key=i + 1, position=i)
               for i, c in enumerate(["#e8a33d", "#4a90d9", "#d9534f", "#5cb85c"])]
    items, highlights, notes, followups, footnotes = [], [], [], [], []
    item_domains: dict[str, list[str]] = {}
    for i in range(n_items):
        question = " ".join(sentence(rng, 18) for _ in range(3))
        answer_parts = [" ".join(sentence(rng, 20) for _ in range(3)) for _ in range(2)]
        if i % 3 == 0:
            footnotes.append(Footnote(len(footnotes) + 1, f"Kamerstuk 35 982, nr. {i}.", i // 2 + 1))
            answer_parts[0] += f"[^{len(footnotes)}]"
        answer = "\n\n".join(answer_parts)
        item = StoredItem(id=str(uuid.uuid4()), document_id=doc_id, number=i + 1, numbers=[i + 1],
                          party=PARTIES[i * len(PARTIES) // n_items], question=question, answer=answer,
                          page_first=i // 2 + 1, page_last=i // 2 + 2, position=i)
        items.append(item)
        item_domains[item.id] = [domains[i % 4].id]
        for k, (field, text) in enumerate((("question", question), ("answer", answer))):
            start = rng.randrange(0, len(text) // 2)
            end = min(len(text), start + rng.randrange(20, 120))
            highlights.append(Highlight(id=str(uuid.uuid4()), item_id=item.id, field=field, start=start, end=end,
                                        exact=text[start:end], domain_id=domains[(i + k) % 4].id,
                                        note="Let op **dit**." if k else ""))
        notes.append(Note(id=str(uuid.uuid4()), document_id=doc_id, item_id=item.id,
                          body=NOTE + f"\nVraag {i + 1}: eigen duiding.\n",
                          level=Level.VERTROUWELIJK if i % 10 == 0 else Level.INTERN))
        if i % 5 == 0:
            followups.append(FollowUp(id=str(uuid.uuid4()), item_id=item.id, text="Vraag stellen in het debat",
                                      owner="Kim", due="2026-12-01"))
    document = StoredDocument(id=doc_id, identifier="kst-99999-1", doc_type="vragen_en_antwoorden",
                              title="Lijst van vragen en antwoorden", kamerstuk="99 999, nr. 1", dossier="99 999",
                              ondernummer="1", vergaderjaar="2025–2026", source="bench.pdf", sha256="0" * 64,
                              imported="2026-11-27T00:00:00.000+00:00")
    return DocumentAnnotations(document=document, items=items, footnotes=footnotes, domains=domains,
                               item_domains=item_domains, highlights=highlights, notes=notes, followups=followups)


def plain_python_docx(bundle: DocumentAnnotations) -> bytes:
    """The baseline: python-docx writing the same paragraphs plainly."""
    document = docx.Document(str(ROOT / "resources" / "template.docx"))
    notes = {n.item_id: n.body for n in bundle.notes}
    for item in bundle.items:
        document.add_heading(f"Vraag {item.number} · {item.party}", 2)
        document.add_paragraph(item.question)
        for part in item.answer.split("\n\n"):
            document.add_paragraph(part)
        document.add_paragraph(notes.get(item.id, ""))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


CPU: list[float] = []  # processor time of the last best_of (less disturbed by other jobs than wall time)


def best_of(fn, repeat: int) -> float:
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    CPU[:] = [min(cpu)]
    return min(times)


def bare_markdown(bundle: DocumentAnnotations) -> int:
    """The baseline of the Kamerlidbriefing: python-markdown converting each distinct note once."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"])
    bodies = {n.body for n in bundle.notes} | {h.note for h in bundle.highlights if h.note}
    for body in bodies:
        md.reset()
        md.convert(separate_blocks(body))
    return len(bodies)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bundle = make_bundle(args.items)
    print(f"document: {len(bundle.items)} items, {len(bundle.highlights)} highlights, {len(bundle.notes)} notes, "
          f"{len(bundle.footnotes)} footnotes")
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10**6))

        def export(kind: str) -> None:
            to_html.cache_clear()
            opts = BriefingOptions(kind=kind, ceiling=Level.VERTROUWELIJK, author="Bench")
            export_briefing([bundle], opts, Path(tmp) / f"{kind}{next(counter)}.docx")

        ours_s = best_of(lambda: export("technisch"), args.repeat)
        ours_cpu = CPU[0]
        size = max(p.stat().st_size for p in Path(tmp).iterdir())
        plain_s = best_of(lambda: plain_python_docx(bundle), args.repeat)
        plain_cpu = CPU[0]
        kamerlid_s = best_of(lambda: export("kamerlid"), args.repeat)
        kamerlid_cpu = CPU[0]
        conversions = to_html.cache_info().misses
        distinct = bare_markdown(bundle)
        bare_s = best_of(lambda: bare_markdown(bundle), args.repeat)
        bare_cpu = CPU[0]
    print("                                      wall      processor")
    print(f"technische briefing (Briefer):      {ours_s:6.2f} s  {ours_cpu:6.2f} s   ({size / 1e6:.1f} MB)   target < 10 s")
    print(f"same paragraphs, plain python-docx: {plain_s:6.2f} s  {plain_cpu:6.2f} s")
    print(f"ratio:                              {ours_s / plain_s:6.2f}    {ours_cpu / plain_cpu:6.2f}     target <= 1.5")
    print(f"Kamerlidbriefing (Briefer):         {kamerlid_s:6.2f} s  {kamerlid_cpu:6.2f} s   notes converted: "
          f"{conversions} for {distinct} distinct notes")
    print(f"python-markdown, each note once:    {bare_s:6.2f} s  {bare_cpu:6.2f} s")
    print(f"ratio:                              {kamerlid_s / bare_s:6.2f}    {kamerlid_cpu / bare_cpu:6.2f}")


if __name__ == "__main__":
    main()

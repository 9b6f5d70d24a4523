from __future__ import annotations

import json

import pytest

from briefer.annotate import AnnotationError, Annotations, NotFound
from briefer.paths import RESOURCES
from briefer.store import Store


def test_defaults_are_seeded_from_resources(ann):
    shipped = json.loads((RESOURCES / "domains.json").read_text(encoding="utf-8"))["domains"]
    domains = ann.domains()
    assert [d.name for d in domains] == [d["name"] for d in shipped]
    assert [d.key for d in domains] == [1, 2, 3, 4]
    assert len({d.colour for d in domains}) == 4
    assert all(d.description for d in domains)


def test_seeding_happens_once_so_deletions_stick(db_path):
    with Store.open(db_path) as store:
        ann = Annotations(store)
        for d in ann.domains():
            ann.delete_domain(d.id)
    with Store.open(db_path) as store:
        assert Annotations(store).domains() == []


def test_add_domain_takes_free_key_and_palette_colour(ann):
    change = ann.add_domain("Veiligheid en defensie", description="Defensie-industrie")
    d = ann.domain(change.id)
    assert d.key == 5 and d.colour.startswith("#") and d.colour not in {x.colour for x in ann.domains()[:4]}
    assert ann.domains()[-1].id == d.id


def test_names_and_keys_are_unique(ann):
    with pytest.raises(AnnotationError):
        ann.add_domain("voedselzekerheid")
    with pytest.raises(AnnotationError) as err:
        ann.add_domain("Nieuw", key=1)
    assert "Sneltoets 1" in str(err.value)
    with pytest.raises(AnnotationError):
        ann.add_domain("Nieuw", key=12)
    with pytest.raises(AnnotationError):
        ann.add_domain("Nieuw", colour="rood")


def test_domain_by_ref(ann):
    food = ann.domain_by_ref("4")
    assert food.name == "Voedselzekerheid"
    assert ann.domain_by_ref("VOEDSELZEKERHEID").id == food.id
    assert ann.domain_by_ref(food.id).id == food.id
    assert ann.domain_by_ref("medisch").key == 3  # unique prefix
    with pytest.raises(NotFound):
        ann.domain_by_ref("sport")


def test_rename_recolour_rekey(ann):
    d = ann.domain_by_ref("3")
    ann.rename_domain(d.id, "Medische producten en hulpmiddelen")
    ann.recolour_domain(d.id, "#ABC")
    ann.update_domain(d.id, key=7)
    d2 = ann.domain(d.id)
    assert (d2.name, d2.colour, d2.key) == ("Medische producten en hulpmiddelen", "#aabbcc", 7)
    with pytest.raises(AnnotationError):
        ann.rename_domain(d.id, "Voedselzekerheid")


def test_tag_untag_and_item_domains_in_taxonomy_order(ann, items):
    item = items[2]
    food, raw = ann.domain_by_ref("4"), ann.domain_by_ref("1")
    ann.tag_item(item.id, food.id)
    ann.tag_item(item.id, raw.id)
    assert ann.tag_item(item.id, raw.id).empty  # tagging twice changes nothing
    assert [d.id for d in ann.item_domains(item.id)] == [raw.id, food.id]
    ann.untag_item(item.id, food.id)
    assert [d.id for d in ann.item_domains(item.id)] == [raw.id]
    ann.toggle_tag(item.id, raw.id)
    assert ann.item_domains(item.id) == []


def test_merge_moves_tags_and_highlight_domains(ann, items):
    src = ann.domain(ann.add_domain("Chips").id)
    dst = ann.domain_by_ref("2")
    ann.tag_item(items[1].id, src.id)
    ann.tag_item(items[2].id, src.id)
    ann.tag_item(items[2].id, dst.id)
    hid = ann.highlight_quote(items[2].id, "recycling", domain_id=src.id).id
    change = ann.merge_domains(src.id, dst.id)
    assert change.counts == {"items_moved": 1, "items_already_tagged": 1, "highlights_moved": 1}
    assert [d.id for d in ann.item_domains(items[1].id)] == [dst.id]
    assert [d.id for d in ann.item_domains(items[2].id)] == [dst.id]
    assert ann.highlight(hid).domain_id == dst.id
    assert src.id not in {d.id for d in ann.domains()}
    with pytest.raises(AnnotationError):
        ann.merge_domains(dst.id, dst.id)


def test_delete_keeps_highlights_reports_counts_and_restores(ann, items):
    food = ann.domain_by_ref("4")
    ann.tag_item(items[3].id, food.id)
    ann.tag_item(items[1].id, food.id)
    hid = ann.highlight_quote(items[3].id, "kunstmest is op dit moment", domain_id=food.id).id
    change = ann.delete_domain(food.id)
    assert change.counts == {"items_untagged": 2, "highlights_cleared": 1}
    assert ann.highlight(hid).domain_id is None  # the highlight itself stays
    assert ann.item_domains(items[3].id) == []
    [entry] = ann.trash()
    assert entry.kind == "domain"
    ann.restore(entry.id)
    assert ann.domain(food.id).key == 4
    assert ann.highlight(hid).domain_id == food.id
    assert [d.id for d in ann.item_domains(items[3].id)] == [food.id]
    assert [d.id for d in ann.item_domains(items[1].id)] == [food.id]


def test_restore_domain_whose_key_was_taken_meanwhile(ann):
    food = ann.domain_by_ref("4")
    ann.delete_domain(food.id)
    ann.add_domain("Energie", key=4)
    ann.restore(ann.trash()[0].id)
    assert ann.domain(food.id).key is None

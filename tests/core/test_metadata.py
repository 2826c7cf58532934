import pytest

from pathlib import Path

from reviewer.core.text.documents import decode_text
from reviewer.core.reading.metadata import read_metadata
from reviewer.core.text.units import improvement_items, sentence_at, word_at


def _meta(path: Path):
    return read_metadata(decode_text(path.read_bytes()).text)


def test_sample_letters_metadata(samples: Path):
    m = _meta(samples / "thornbury_vale_2025_focused_visit.txt")
    assert (m.authority, m.doc_type, m.visit_start, m.visit_end, m.published) == (
        "Thornbury Vale", "focused visit", "2025-02-11", "2025-02-12", "2025-03-12")
    assert m.inspectors == ("Daniel Okafor", "Ruth Pemberton")
    m = _meta(samples / "eastmere_2024_monitoring_visit.txt")
    assert (m.authority, m.doc_type) == ("Eastmere", "monitoring visit")
    m = _meta(samples / "kingsford_2025_committee_progress_report.txt")
    assert m.doc_type == "committee report" and m.published == "2025-06-24"


def test_shared_letters_metadata(shared_letters: Path):
    m = _meta(shared_letters / "warrington_2022_focused_visit.txt")
    assert (m.authority, m.doc_type, m.visit_start, m.published) == ("Warrington", "focused visit", "2021-12-15", "2022-01-31")
    assert m.inspectors == ("Lorna Schlechte", "Lisa Walsh")
    m = _meta(shared_letters / "st_helens_2018_focused_visit.txt")
    assert m.authority == "St Helens" and m.inspectors == ("Shabana Abasi", "Stella Elliott")


def test_improvement_items_and_sentences(samples: Path):
    text = decode_text((samples / "thornbury_vale_2025_focused_visit.txt").read_bytes()).text
    items = improvement_items(text)
    assert len(items) == 4 and items[0][2].startswith("The quality of child protection")
    i = text.index("Too many plans")
    s, e = sentence_at(text, i + 5)
    assert text[s:e] == "Too many plans are lists of services rather than actions that will make a difference for the child."
    s, e = word_at(text, i + 5)
    assert text[s:e] == "many"


ILACS = """Inspection of Northmoor local authority children's services

Inspection dates: 3 March to 14 March 2025

Lead inspector: Jo Bloggs, His Majesty's Inspector

Judgement
Grade

The impact of leaders on social work
practice with children and families

Requires improvement to be good

The experiences and progress of
children who need help and protection

Inadequate

The experiences and progress of
children in care

Good

The experiences and progress of
care leavers

Outstanding

Overall effectiveness

Inadequate

Services in Northmoor are inadequate."""

SIF = ("Northmoor County Council\n\nInspection of services for children in need of help and protection, children "
       "looked after and care leavers\n\nInspection date: 2 June 2015 – 24 June 2015\n\nReport published: 30 July 2015\n\n"
       "The overall judgement is that children's services require improvement to be good\n\nThe judgements on areas of "
       "the service that contribute to overall effectiveness are:\n1. Children who need help and protection Requires "
       "improvement\n2. Children looked after and achieving permanence Good\n2.1 Adoption performance Good\n2.2 "
       "Experiences and progress of care leavers Requires improvement\n3. Leadership, management and governance "
       "Requires improvement\n")


def test_inspection_report_judgements_and_dates() -> None:
    m = read_metadata(ILACS, created="2025-04-28")
    assert m.doc_type == "inspection report" and m.authority == "Northmoor"
    assert dict(m.judgements) == {"impact_of_leaders": "requires improvement", "help_and_protection": "inadequate",
                                  "in_care": "good", "care_leavers": "outstanding", "overall_effectiveness": "inadequate"}
    assert (m.visit_start, m.visit_end, m.lead_inspector) == ("2025-03-03", "2025-03-14", "Jo Bloggs")
    assert m.published == "2025-04-28"  # not printed in the report: the file's creation date, offered to confirm
    assert read_metadata(ILACS).published is None


def test_single_inspection_framework_report() -> None:
    m = read_metadata(SIF, created="2015-07-20")
    assert m.doc_type == "inspection report" and m.authority == "Northmoor" and m.published == "2015-07-30"
    assert dict(m.judgements) == {"overall_effectiveness": "requires improvement",
                                  "help_and_protection": "requires improvement", "in_care": "good",
                                  "adoption": "good", "care_leavers": "requires improvement",
                                  "impact_of_leaders": "requires improvement"}


def test_monitoring_visit_number_and_news_items() -> None:
    m = read_metadata("12 May 2024\n\nDear Sam\n\nMonitoring visit to Northmoor children's services\n\n"
                      "This letter summarises the findings of the fourth monitoring visit to Northmoor.")
    assert m.doc_type == "monitoring visit" and m.visit_number == 4 and not m.judgements
    assert read_metadata("News story\n\nCouncil praised by Ofsted\n\nPublished 3 April 2024").doc_type == "news item"


def test_judgements_match_the_published_record() -> None:
    import csv
    from pathlib import Path

    from reviewer.letters.importing import prepare_path

    folder = Path(__file__).resolve().parents[3] / "shared" / "reports"
    if not (folder / "metadata.csv").exists():
        pytest.skip("../shared/reports is not here")
    grades = {"outstanding", "good", "requires improvement", "inadequate"}
    with (folder / "metadata.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            d, mth, y = row["publication_date"].split("/")
            pdf = folder / f"{row['local_authority'].replace(' ', '-')}_20{y}-{mth}-{d}.pdf"
            got = dict(prepare_path(pdf).letter.meta.judgements)
            for j in ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers"):
                want = row[f"{j}_grade"]
                if want and want != "data_unreadable":
                    assert got.get(j) == (want if want in grades else None), (pdf.name, j)


def test_fill_blanks_never_overwrites_what_the_auditor_set() -> None:
    from reviewer.core.reading.metadata import fill_blanks
    from reviewer.core.annotations.model import LetterMeta

    old = LetterMeta(authority="Eastshire (checked)", doc_type="inspection report")
    new = LetterMeta(authority="Eastshire", doc_type="focused visit", judgements=(("in_care", "good"),), visit_number=2)
    got = fill_blanks(old, new)
    assert got.authority == "Eastshire (checked)" and got.doc_type == "inspection report"
    assert got.judgements == (("in_care", "good"),) and got.visit_number == 2
    assert fill_blanks(got, new) == got

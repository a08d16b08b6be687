"""Each trial page carries schema.org JSON-LD (a MedicalTrial, its results paper a
ScholarlyArticle) that extruct, as search engines do, reads from the page."""

import datetime

import extruct

from tests.trials.factories import TrialPageFactory


def json_ld(client, trial):
    response = client.get(trial.url)
    html = response.content.decode()
    data = extruct.extract(html, base_url=f"http://testserver{trial.url}", syntaxes=["json-ld"])
    (item,) = data["json-ld"]
    return item


def test_a_trial_is_a_medical_trial_with_its_registry_numbers_and_results_paper(
    client, trials_index
):
    trial = TrialPageFactory(
        parent=trials_index,
        title="Example fluids in children trial",
        slug="exfluid",
        acronym="EXFLUID",
        summary="Less fluid was as safe as more.",
        findings="<p>Fewer <b>complications</b> with less fluid.</p>",
        isrctn="ISRCTN12345678",
        nct_number="NCT01234567",
        result_doi="10.1000/example.123",
        result_citation="Example A. A trial. Example Journal. 2024.",
        last_reviewed=datetime.date(2026, 3, 9),
    )

    data = json_ld(client, trial)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalTrial"
    assert data["name"] == "Example fluids in children trial"
    assert data["alternateName"] == "EXFLUID"
    assert data["description"] == "Fewer complications with less fluid."
    assert data["url"] == "http://testserver/trials/exfluid/"
    assert data["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "ISRCTN", "value": "ISRCTN12345678"},
        {"@type": "PropertyValue", "propertyID": "ClinicalTrials.gov", "value": "NCT01234567"},
    ]
    assert data["sameAs"] == [
        "https://www.isrctn.com/ISRCTN12345678",
        "https://clinicaltrials.gov/study/NCT01234567",
    ]
    assert data["subjectOf"] == {
        "@type": "ScholarlyArticle",
        "name": "Example A. A trial. Example Journal. 2024.",
        "url": "https://doi.org/10.1000/example.123",
        "sameAs": "https://doi.org/10.1000/example.123",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": "10.1000/example.123",
        },
    }
    assert data["mainEntityOfPage"]["@type"] == "MedicalWebPage"
    assert data["mainEntityOfPage"]["lastReviewed"] == "2026-03-09"


def test_a_trial_without_registry_numbers_or_paper_claims_none(client, trials_index):
    trial = TrialPageFactory(parent=trials_index, acronym="")

    data = json_ld(client, trial)

    assert data["@type"] == "MedicalTrial"
    assert not {"identifier", "sameAs", "subjectOf", "alternateName"} & set(data)


def test_text_that_could_end_the_script_is_escaped_and_still_read_back(client, trials_index):
    trial = TrialPageFactory(parent=trials_index, title="A </script><b>trial</b> & more")

    data = json_ld(client, trial)

    assert data["name"] == "A </script><b>trial</b> & more"

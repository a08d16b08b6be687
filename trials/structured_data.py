"""schema.org data for a trial page: a MedicalTrial with its registry numbers, and its results
paper as a ScholarlyArticle, described by the page (a MedicalWebPage) that was last reviewed on
the date shown."""

from django.utils.html import strip_tags

from trials.registries import CLINICALTRIALS_GOV, ISRCTN


def _plain(html):
    return " ".join(strip_tags(html).split())


def trial_structured_data(trial, request=None):
    url = trial.get_full_url(request)
    registrations = [
        (registry, number)
        for registry, number in ((ISRCTN, trial.isrctn), (CLINICALTRIALS_GOV, trial.nct_number))
        if number
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalTrial",
        "name": trial.title,
        "description": _plain(trial.findings) or trial.summary,
        "url": url,
        "mainEntityOfPage": {
            "@type": "MedicalWebPage",
            "url": url,
            "name": trial.title,
            "abstract": trial.summary,
        },
    }
    if trial.last_reviewed:
        data["mainEntityOfPage"]["lastReviewed"] = trial.last_reviewed.isoformat()
    if trial.acronym:
        data["alternateName"] = trial.acronym
    if registrations:
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": registry.name, "value": number}
            for registry, number in registrations
        ]
        data["sameAs"] = [registry.record_url(number) for registry, number in registrations]
    if trial.result_doi:
        data["subjectOf"] = {
            "@type": "ScholarlyArticle",
            "name": trial.result_citation or f"Results of {trial.acronym or trial.title}",
            "url": trial.result_doi_url,
            "sameAs": trial.result_doi_url,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": trial.result_doi,
            },
        }
    return data

import pytest
from wagtail.models import get_page_models

PROJECT_PAGE_MODELS = [
    model for model in get_page_models() if model._meta.app_label != "wagtailcore"
]
# Wagtail's own fields, whose help text Wagtail writes (or which explain themselves).
WAGTAIL_FIELDS = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
WAGTAIL_FIELDS |= {"go_live_at", "expire_at", "comment_notifications", "locked", "owner"}


@pytest.mark.parametrize("model", PROJECT_PAGE_MODELS, ids=lambda model: model.__name__)
def test_every_field_editors_fill_in_says_what_it_is_for(model):
    form_class = model.get_edit_handler().get_form_class()

    unexplained = [
        name
        for name, field in form_class.base_fields.items()
        if name not in WAGTAIL_FIELDS and not field.help_text
    ]

    assert unexplained == []


@pytest.mark.parametrize(
    "model_name", ["EventPage", "ResourcePage", "JoinPage", "TrialPage"], ids=lambda name: name
)
def test_pages_with_practical_details_keep_them_on_their_own_tab(model_name):
    model = next(model for model in PROJECT_PAGE_MODELS if model.__name__ == model_name)

    tabs = [tab.heading for tab in model.get_edit_handler().children]
    # An event's slides and recordings, added after it, have a tab of their own.
    extra = ["Materials"] if model_name == "EventPage" else []

    assert tabs == ["Content", "Details", *extra, "Promote", "Settings"]

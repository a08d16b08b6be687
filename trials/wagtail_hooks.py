"""Admin screen for trials: every trial summary with its stage and review dates, in the menu."""

import django_filters
from django.utils import dateformat
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from portal.admin_menus import PageListingForPageEditors
from trials.models import Stage, TrialPage


def review_by(trial):
    return dateformat.format(trial.review_by, "j M Y")


class TrialFilterSet(WagtailFilterSet):
    stage = django_filters.ChoiceFilter(label="Implementation stage", choices=Stage.choices)

    class Meta:
        model = TrialPage
        fields = []


class TrialIndexView(IndexView):
    # Soonest review first: the summaries that need attention lead.
    default_ordering = "review_by"


class TrialPageListingViewSet(PageListingForPageEditors, PageListingViewSet):
    model = TrialPage
    icon = "doc-full"
    menu_label = "Trials"
    menu_order = 210
    add_to_admin_menu = True
    name = "trial_pages"
    index_view_class = TrialIndexView
    filterset_class = TrialFilterSet
    columns = [
        PageTitleColumn("title", label="Title", sort_key="title", classname="title"),
        Column("stage", label="Stage", accessor="get_stage_display"),
        Column("review_by", label="Review by", accessor=review_by, sort_key="review_by"),
        PageStatusColumn("status", label="Status", sort_key="live"),
    ]


@hooks.register("register_admin_viewset")
def register_trial_listing():
    return TrialPageListingViewSet()

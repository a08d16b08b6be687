"""An Atom feed of new and updated trial summaries, for feed readers and newsletters."""

from django.db.models import F

from portal.feeds import FEED_LENGTH, PageFeed


class TrialSummariesFeed(PageFeed):
    """Newest publication first, so a summary that was revised (a new stage, a review) comes
    back to the top with its `updated` date, under the id it has always had."""

    entry_kind = "trial"

    def items(self, index):
        return (
            index.trials()
            .prefetch_related("topics")
            .order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_description(self, trial):
        return trial.summary

    def item_title(self, trial):
        return trial.name_with_acronym

    def item_categories(self, trial):
        return [trial.get_stage_display(), *(topic.name for topic in trial.topics.all())]

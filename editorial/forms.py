"""Image and document forms: the file of one that a live page uses is for Moderators to replace.

Documents are also checked by their content (`portal.documents`).

Replacing such a file changes a published page without review, so for anyone else the file
field is shown disabled, with the reason; titles, tags and alt text stay editable.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex

from portal.documents import DocumentForm as CheckedDocumentForm

LOCKED_FILE_HELP = (
    "A published page uses this {what}, so only a moderator can replace its file. Upload the "
    "new version as a new {what} and choose it on the page, which then goes for review."
)


def used_by_a_live_page(obj):
    page_ids = ReferenceIndex.get_references_to(obj).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return (
        Page.objects.live()
        .filter(pk__in=[int(pk) for pk in page_ids.values_list("object_id", flat=True)])
        .exists()
    )


class LiveFileMixin:
    replace_permission = ""
    what = ""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if (
            "file" in self.fields
            and self.instance.pk
            and not (user and user.has_perm(self.replace_permission))
            and used_by_a_live_page(self.instance)
        ):
            self.fields["file"].disabled = True
            self.fields["file"].help_text = LOCKED_FILE_HELP.format(what=self.what)


class ImageForm(LiveFileMixin, BaseImageForm):
    replace_permission = "wagtailimages.replace_live_file_image"
    what = "image"


class DocumentForm(LiveFileMixin, CheckedDocumentForm):
    replace_permission = "wagtaildocs.replace_live_file_document"
    what = "document"

"""StreamField blocks shared by every page type that has a body, and by the site settings."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from portal import word_paste
from portal.rich_text import BODY_TEXT_FEATURES


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=word_paste.HEADING_LENGTH, help_text="The heading as readers will see it."
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use sub-headings only inside a section, so screen readers can follow.",
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        preview_value = {"text": "Aims of the group", "level": "h2"}
        description = "A section heading that also helps readers scan the page"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Write alt text that says what the image shows, or mark it decorative."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/streamfield/captioned_image_block.html"
        description = "An image with alt text and an optional caption"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words being quoted.")
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, e.g. name and role."
    )

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        preview_value = {
            "quote": "Evidence only helps children when it reaches the bedside.",
            "attribution": "Example quotation",
        }
        description = "A highlighted quotation"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text="What the button says, e.g. 'Join the group'.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or a web address elsewhere.")

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action_block.html"
        preview_value = {"text": "Join the group", "url": "https://example.org/"}
        description = "A prominent button linking to a page or web address"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": "Choose a page or give a web address, but not both."}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="The document readers will download.")
    label = blocks.CharBlock(
        required=False, max_length=120, help_text="Link text; the document's title if left blank."
    )

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_link_block.html"
        description = "A download link that shows the file type and size"


class OrganisationLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text="e.g. the name of a partner organisation.")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=BODY_TEXT_FEATURES,
        template="components/streamfield/paragraph_block.html",
        icon="pilcrow",
        preview_value="<p>The purpose of this group is to provide a platform for education.</p>",
        description="Text with bold, italics, links, lists and headings",
    )
    table = TableBlock(
        template="components/streamfield/table_block.html",
        help_text="Tick 'Row header' if the first row holds the column headings. A table pasted "
        "from Word into a text block becomes one of these when you save.",
        description="A table, e.g. doses or a timetable; paste cells from Word or Excel",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()

    def clean(self, value):
        return super().clean(word_paste.restructure(self, value))

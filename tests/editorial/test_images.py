"""Images in page bodies need alt text unless marked decorative, and are served responsively."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_factories import ImageFactory

from home.models import StandardPage
from portal.blocks import BodyBlock, CaptionedImageBlock
from tests.editorial.helpers import page_form_data
from tests.home.factories import StandardPageFactory

ALT_TEXT_ERROR = "Please add some alt text for your image or mark it as decorative"


@pytest.fixture
def image(db):
    return ImageFactory(title="Ward round", file__width=1600, file__height=900)


def image_block_value(image, alt_text="", decorative=False, caption=""):
    """The block's value as the admin form sends it."""
    return {
        "image": {"image": image.pk, "decorative": decorative, "alt_text": alt_text},
        "caption": caption,
    }


def cleaned(image, **answers):
    block = CaptionedImageBlock()
    return block.clean(block.to_python(image_block_value(image, **answers)))


def test_image_without_alt_text_is_refused(image):
    with pytest.raises(StructBlockValidationError) as refused:
        cleaned(image)

    assert ALT_TEXT_ERROR in str(refused.value.as_json_data())


def test_image_with_alt_text_or_marked_decorative_is_accepted(image):
    assert cleaned(image, alt_text="Nurses at a bedside")["image"].contextual_alt_text == (
        "Nurses at a bedside"
    )
    assert cleaned(image, decorative=True)["image"].decorative


def test_every_body_image_needs_alt_text(image):
    body = BodyBlock()
    value = body.to_python([{"type": "image", "value": image_block_value(image)}])

    with pytest.raises(StreamBlockValidationError):
        body.clean(value)


def test_admin_refuses_to_publish_an_image_without_alt_text(home_page, image, admin_client):
    """Drafts may be saved unfinished (Wagtail defers the check); publishing needs alt text."""
    page = StandardPageFactory(parent=home_page, title="About")
    url = f"/admin/pages/{page.pk}/edit/"
    body = nested_form_data({"body": streamfield([("image", image_block_value(image))])})
    data = page_form_data(admin_client, url, StandardPage, **body)
    data["action-publish"] = "action-publish"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    # Block errors travel to the form's JavaScript as data; the summary says what to fix.
    assert ALT_TEXT_ERROR in response.content.decode()
    assert "The page could not be saved due to validation errors" in response.content.decode()
    page.refresh_from_db()
    assert not page.body


def render_body_image(image, **answers):
    block = CaptionedImageBlock()
    html = block.render(block.to_python(image_block_value(image, **answers)))
    return BeautifulSoup(html, "html.parser")


def test_body_images_are_responsive_lazy_and_in_modern_formats(image):
    soup = render_body_image(image, alt_text="Nurses at a bedside", caption="Example caption")

    img = soup.find("img")
    assert img["alt"] == "Nurses at a bedside"
    assert img["loading"] == "lazy"
    assert "800w" in img["srcset"] and "1200w" in img["srcset"]
    types = {source["type"] for source in soup.find_all("source")}
    assert {"image/webp", "image/avif"} <= types
    assert soup.figcaption.get_text() == "Example caption"


def test_decorative_images_have_empty_alt_text(image):
    img = render_body_image(image, decorative=True).find("img")

    assert img["alt"] == ""


def test_crops_keep_the_focal_point_in_view(db):
    """A wide picture, red on the left and blue on the right, with its focal point on the red."""
    picture = PillowImage.new("RGB", (400, 100), "blue")
    picture.paste("red", (0, 0, 100, 100))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Focal point", file=ImageFile(buffer, name="focal.png")
    )
    image.focal_point_x, image.focal_point_y = 50, 50
    image.focal_point_width, image.focal_point_height = 20, 20
    image.save()

    rendition = image.get_rendition("fill-100x100|format-png")
    with rendition.file.open() as file:
        cropped = PillowImage.open(file).convert("RGB")
        red, _green, blue = cropped.getpixel((50, 50))

    assert red > 200 and blue < 50

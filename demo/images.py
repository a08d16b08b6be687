"""The demo's one image, drawn with Pillow when the demo loads: no photograph is shipped.

It shows the group's six aims as six coloured panels, so that the membership page, and every
browser test run, shows an image with its renditions (`picture` with AVIF, WebP and JPEG).
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from portal.blocks import CaptionedImageBlock

TITLE = "Six aims (example illustration)"
ALT_TEXT = "Six coloured panels side by side, one for each of the group's aims"
CAPTION = "Example illustration drawn for the demonstration site: replace it with the group's own."
# The site's own palette: blues and greens on a pale background.
COLOURS = ["#005eb8", "#007f3b", "#330072", "#00a499", "#41b6e6", "#768692"]
WIDTH, HEIGHT = 1200, 500


def drawn_png():
    picture = PillowImage.new("RGB", (WIDTH, HEIGHT), "#f0f4f5")
    draw = ImageDraw.Draw(picture)
    gap = 24
    panel = (WIDTH - gap * 7) // 6
    for number, colour in enumerate(COLOURS):
        left = gap + number * (panel + gap)
        top = 60 + (number % 2) * 60
        draw.rounded_rectangle((left, top, left + panel, HEIGHT - 60), radius=16, fill=colour)
        draw.ellipse((left + panel // 2 - 28, top + 24, left + panel // 2 + 28, top + 80), "#fff")
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def demo_image():
    """The illustration, made the first time and found by its title afterwards."""
    Image = get_image_model()
    image = Image.objects.filter(title=TITLE).first()
    if image is None:
        image = Image(title=TITLE)
        image.file = ImageFile(io.BytesIO(drawn_png()), name="six-aims.png")
        image.save()
    return image


def image_block(image):
    """A body's image block showing `image`, as the page editor would have filled it in."""
    value = CaptionedImageBlock().to_python(
        {
            "image": {"image": image.pk, "alt_text": ALT_TEXT, "decorative": False},
            "caption": CAPTION,
        }
    )
    return ("image", value)

"""Uploaded images, served by the app itself or kept in S3-compatible object storage.

A small deployment is the Docker image and a volume: nothing else serves `/media/`, so `serve`
answers for images (originals and renditions) straight from the disk, streamed by the server
(`FileResponse` hands the file to gunicorn's sendfile). Documents are never served from here:
they go through Wagtail's document view, which checks a private collection's restrictions.

A rendition's name never changes its content (`UniqueRenditionNames`), so browsers and CDNs may
keep it for a year without asking again. An original keeps its name when an editor replaces the
file, so it is kept for an hour and then checked again (`Last-Modified`, 304).

With `MEDIA_S3_BUCKET` set, production keeps media in a bucket instead (`S3MediaStorage`) and
image URLs point there (`portal/s3_media.py`); see the deployment docs.
"""

import os
import posixpath
from stat import S_ISREG

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

RENDITIONS = "images/"
ORIGINALS = "original_images/"
RENDITION_MAX_AGE = 365 * 24 * 60 * 60
ORIGINAL_MAX_AGE = 60 * 60
# The formats editors may upload (Wagtail's default list) and those renditions are made in.
IMAGE_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


def cache_control_for(name):
    """What browsers and CDNs may do with the media file `name`."""
    if name.startswith(RENDITIONS):
        return {"public": True, "max_age": RENDITION_MAX_AGE, "immutable": True}
    return {"public": True, "max_age": ORIGINAL_MAX_AGE}


class UniqueRenditionNames:
    """A rendition is saved under a name no earlier file has had.

    Wagtail names a rendition after its original and filter (`photo.width-400.webp`), so an
    image deleted and another uploaded as `photo.jpg` would get the same names: a browser that
    kept the first for a year would show it in place of the second.
    """

    def get_available_name(self, name, max_length=None):
        if name.startswith(RENDITIONS):
            root, extension = os.path.splitext(name)
            name = self.get_alternative_name(root, extension)
        return super().get_available_name(name, max_length=max_length)


class MediaStorage(UniqueRenditionNames, FileSystemStorage):
    """Uploads on the local disk (`MEDIA_ROOT`), served by `serve`."""


@require_safe
def serve(request, path):
    """An image from local media storage, with headers fit for caching; 404 for anything else."""
    name = posixpath.normpath(path)
    content_type = IMAGE_TYPES.get(os.path.splitext(name)[1].lower())
    if content_type is None or not name.startswith((RENDITIONS, ORIGINALS)) or name != path:
        raise Http404
    try:
        full_path = default_storage.path(name)
        stat = os.stat(full_path)
    except (SuspiciousFileOperation, NotImplementedError, ValueError, OSError):
        # Outside MEDIA_ROOT, a NUL byte, a missing file, or storage that is not on this disk.
        raise Http404 from None
    if not S_ISREG(stat.st_mode):
        raise Http404
    modified = int(stat.st_mtime)
    etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
    not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
    if not_modified is not None:
        response = not_modified
    else:
        response = FileResponse(open(full_path, "rb"), content_type=content_type)  # noqa: SIM115
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, **cache_control_for(name))
    return response

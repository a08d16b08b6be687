"""Media in an S3-compatible bucket (production with `MEDIA_S3_BUCKET`), for app servers on
several machines: see `portal/media.py` for what is served how, and the deployment docs."""

from storages.backends.s3 import S3Storage

from portal.media import UniqueRenditionNames, cache_control_for


class S3MediaStorage(UniqueRenditionNames, S3Storage):
    """Each object is stored with the `Cache-Control` the app would have sent for it."""

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        control = cache_control_for(name)
        parameters["CacheControl"] = ", ".join(
            ["public", f"max-age={control['max_age']}"]
            + (["immutable"] if control.get("immutable") else [])
        )
        return parameters

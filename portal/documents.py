"""Documents editors upload: checked by what the file holds, not only by its name.

A file's extension says nothing about its content, and documents are served to the public, so
a program renamed `.pdf` must never be published as a PDF. Each allowed extension names the
content it must have, as `filetype` recognises it from the file's first bytes.
"""

import filetype
from django import forms
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

# Extension: (what editors call it, the kinds of content that file may hold).
# Text formats have no signature, so they must simply not be any recognised binary kind.
TEXT = ()
ALLOWED_DOCUMENTS = {
    "pdf": ("PDF", ("pdf",)),
    "doc": ("Word", ("doc",)),
    "docx": ("Word", ("docx", "zip")),
    "odt": ("OpenDocument text", ("odt", "zip")),
    "rtf": ("Rich text", ("rtf",)),
    "ppt": ("PowerPoint", ("ppt",)),
    "pptx": ("PowerPoint", ("pptx", "zip")),
    "xls": ("Excel", ("xls",)),
    "xlsx": ("Excel", ("xlsx", "zip")),
    "csv": ("CSV spreadsheet", TEXT),
    "txt": ("Plain text", TEXT),
    "zip": ("Zip archive", ("zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub")),
}
# Word, Excel and PowerPoint 97-2003 files share one container format, whose signature is the
# dependable check: filetype names such a file only from details some programs do not write.
OLD_OFFICE = {"doc", "xls", "ppt"}
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD_BYTES = 8192


def allowed_types_text():
    """E.g. 'PDF (.pdf), Word (.doc, .docx), ...', for the upload form's hint."""
    names = {}
    for extension, (name, _kinds) in ALLOWED_DOCUMENTS.items():
        names.setdefault(name, []).append(f".{extension}")
    return ", ".join(f"{name} ({', '.join(extensions)})" for name, extensions in names.items())


def content_matches(extension, head):
    kinds = ALLOWED_DOCUMENTS[extension][1]
    guessed = filetype.guess_extension(head)
    if kinds is TEXT:
        return guessed is None and b"\x00" not in head
    if extension in OLD_OFFICE:
        return head.startswith(OLE2_SIGNATURE)
    return guessed in kinds


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their extension."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = f"Allowed types: {allowed_types_text()}."

    def add_error(self, field, error):
        """Keep one message about a refused file.

        Wagtail's document model checks the extension again after the form; once the form has
        refused the file there is no file left to check, so it added "File extension “” is not
        allowed", contradicting the message that says what is wrong.
        """
        if (
            field is None
            and isinstance(error, ValidationError)
            and hasattr(error, "error_dict")
            and "file" in error.error_dict
            and self.has_error("file")
        ):
            rest = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not rest:
                return
            error = ValidationError(rest)
        super().add_error(field, error)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        if extension not in ALLOWED_DOCUMENTS:
            raise forms.ValidationError(
                f"Files of this type cannot be uploaded. Allowed types: {allowed_types_text()}."
            )
        uploaded.seek(0)
        head = uploaded.read(HEAD_BYTES)
        uploaded.seek(0)
        if not content_matches(extension, head):
            raise forms.ValidationError(
                f"This file is not a real {ALLOWED_DOCUMENTS[extension][0]} file, though its "
                f"name ends in .{extension}. Save it again from the program that made it, or "
                "choose another file."
            )
        return uploaded

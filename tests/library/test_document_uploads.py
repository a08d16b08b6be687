"""Documents are checked by what they hold: a program renamed `.pdf` is refused, old Office
formats are welcome, and the upload form says which types are allowed."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

ADD_URL = "/admin/documents/add/"
MULTIPLE_ADD_URL = "/admin/documents/multiple/add/"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 1000


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload(client, name, content):
    return client.post(
        ADD_URL,
        {"title": "Minutes", "collection": "1", "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minutes.pdf", b"%PDF-1.4\nminutes"),
        ("minutes.doc", OLE2),
        ("budget.xls", OLE2),
        ("slides.ppt", OLE2),
        ("minutes.docx", docx()),
        ("attendees.csv", "name,trust\nSiân,Example NHS Trust\n".encode()),
    ],
)
def test_real_documents_are_accepted(admin_client, db, name, content):
    response = upload(admin_client, name, content)

    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Minutes").exists()


@pytest.mark.parametrize("name", ["minutes.pdf", "minutes.docx", "minutes.doc", "notes.txt"])
def test_a_program_renamed_as_a_document_is_refused(admin_client, db, name):
    response = upload(admin_client, name, PROGRAM)

    assert response.status_code == 200
    assert "is not a real" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_the_multiple_uploader_refuses_a_program_too(admin_client, db):
    response = admin_client.post(
        MULTIPLE_ADD_URL, {"files[]": SimpleUploadedFile("minutes.pdf", PROGRAM)}
    )

    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


def test_the_upload_form_lists_the_allowed_types(admin_client, db):
    html = admin_client.get(ADD_URL).content.decode()

    assert "Allowed types: PDF (.pdf), Word (.doc, .docx)" in html
    assert "PowerPoint (.ppt, .pptx), Excel (.xls, .xlsx)" in html

from wagtail_modeladmin.options import modeladmin_register

from people.modeladmin import PersonRecordAdmin
from tests.people.minimal_record.models import VisitorBookEntry


@modeladmin_register
class VisitorBookAdmin(PersonRecordAdmin):
    model = VisitorBookEntry
    list_display = ("name", "email")

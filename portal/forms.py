"""What the site's public forms share: one-line answers and the links their error summary shows."""


def single_line(value):
    """Names and organisations are one line: newlines and runs of spaces become one space."""
    return " ".join(value.split())


def error_summary(form, form_id):
    """(target id, message) pairs for the error summary, in the order the questions appear.

    Each link goes to the field itself, or to the first option of a group of radios or
    checkboxes, so that following it puts the cursor where the answer is needed. Errors about
    the whole form link to the form, `form_id`.
    """
    items = [(form_id, error) for error in form.non_field_errors()]
    for field in form:
        if field.errors:
            target = field.auto_id + ("_0" if field.field.widget.use_fieldset else "")
            items.extend((target, error) for error in field.errors)
    return items

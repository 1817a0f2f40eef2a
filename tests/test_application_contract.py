import jsonschema

from intake.application import Application, DocumentInfo, contract_schema


def test_minimal_record_validates_against_contract_schema():
    """An application with only its document part still satisfies the contract schema."""
    app = Application(
        document=DocumentInfo(sha256="0" * 64, filename="x.pdf", pages=1, channel="mail"),
    )
    data = app.to_contract()
    jsonschema.validate(data, contract_schema())
    assert data["schema"] == "enrollment-application/v1"
    assert data["applicant"] is None and data["missing"] == []


def test_blank_strings_are_rejected_by_schema():
    """The contract forbids empty strings for absent values; the schema check must catch one."""
    app = Application(document=DocumentInfo(sha256="0" * 64, filename="x.pdf", pages=1, channel="mail"))
    data = app.to_contract()
    data["primary_care_clinic"] = ""
    try:
        jsonschema.validate(data, contract_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("empty string accepted")

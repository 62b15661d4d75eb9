import pytest
from django.core.exceptions import ValidationError

from reviews import services
from reviews.models import Reference

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("field", "value"), [("pmid", "PMID123"), ("doi", "doi:10.1/x"), ("year", 1700)])
def test_formats_are_validated(reviewer, field, value):
    reference = Reference(**{"title": "A trial", "year": 2015, "pmid": "12345", field: value})
    with pytest.raises(ValidationError) as excinfo:
        services.reference_save(actor=reviewer, reference=reference)
    assert field in excinfo.value.message_dict


def test_a_reference_must_be_locatable(reviewer):
    with pytest.raises(ValidationError):
        services.reference_save(actor=reviewer, reference=Reference(title="Untraceable", year=2015))


def test_saved_reference_is_audited(reviewer):
    services.reference_save(
        actor=reviewer,
        reference=Reference(
            title="Quinine for muscle cramps", year=2015, pmid="25842375", doi="10.1002/14651858.CD005044.pub3"
        ),
    )
    from audit.models import AuditEvent

    assert AuditEvent.objects.get(event_type="reference.saved").after["pmid"] == "25842375"

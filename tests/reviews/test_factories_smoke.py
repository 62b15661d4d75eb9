import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["reviewer", "senior_reviewer", "auditor", "content_reader"])
def test_user_factory_puts_the_user_in_its_role(role):
    user = UserFactory(role=role)
    assert [g.name for g in user.groups.all()] == [role]

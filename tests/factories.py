import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from reviews.models import Reference


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role="reviewer") puts the user in that role's group."""
        if extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    title = factory.Sequence(lambda n: f"Trial {n} of a remedy for leg cramps")
    kind = "study"
    year = 2015
    pmid = factory.Sequence(lambda n: str(30_000_000 + n))

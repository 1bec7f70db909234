"""Losing the facilitator role ends facilitation (tests/accounts/test_second_factor_per_session.py
walks every way). Here: what that costs when it is asked of people who facilitate nothing,
on every save of an account and for every person of a group that is emptied or deleted."""

from django.contrib.auth.models import Group

from accounts.roles import EDITORS
from tests.factories import UserFactory, trainee
from workshops import services
from workshops.models import Membership


def test_people_who_facilitate_nothing_cost_one_query_however_many(
    homes, django_assert_max_num_queries
):
    people = [trainee() for _ in range(6)]
    with django_assert_max_num_queries(3):  # the question, and the atomic block's savepoint
        assert services.facilitation_end_if_role_lost(user_ids=[p.pk for p in people]) == 0


def test_emptying_a_group_of_editors_who_facilitate_nothing_asks_no_one_by_one(
    homes, django_assert_max_num_queries
):
    group = Group.objects.get(name=EDITORS)
    for _ in range(6):
        UserFactory(groups=[EDITORS], mfa=True)
    # The group's people read before the clear, the clear, the one question (and savepoints).
    with django_assert_max_num_queries(6):
        group.user_set.clear()
    assert not Membership.objects.exists()

"""Roles in templates: what to offer a person, asked of accounts.roles and nowhere else."""

from django import template

from accounts.roles import is_facilitator_account

register = template.Library()
register.filter("is_facilitator_account", is_facilitator_account)

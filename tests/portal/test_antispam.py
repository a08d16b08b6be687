"""Shared form defences: who counts as one client, and the rate limit's window."""

import time
from ipaddress import ip_network

import time_machine
from django import forms
from django.test import RequestFactory

from portal.antispam import AntiSpamFormMixin, RateLimit, client_ip, client_key, sign_timestamp


class ContactForm(AntiSpamFormMixin, forms.Form):
    name = forms.CharField()


def request_from(remote_addr="203.0.113.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_proxies_the_client_is_the_connecting_address(settings):
    settings.TRUSTED_PROXY_NETWORKS = []

    assert client_ip(request_from(forwarded="198.51.100.1")) == "203.0.113.5"


def test_behind_a_proxy_the_client_is_the_address_that_proxy_saw(settings):
    settings.TRUSTED_PROXY_NETWORKS = [ip_network("10.0.0.0/8")]

    # The leftmost entry was written by the client and cannot be trusted.
    request = request_from("10.0.0.2", forwarded="6.6.6.6, 198.51.100.1")

    assert client_ip(request) == "198.51.100.1"


def test_proxies_in_a_chain_are_skipped_from_the_right(settings):
    settings.TRUSTED_PROXY_NETWORKS = [ip_network("10.0.0.0/8"), ip_network("fd00::/8")]

    request = request_from("10.0.0.2", forwarded="6.6.6.6, 198.51.100.1, fd00::7, 10.1.1.1")

    assert client_ip(request) == "198.51.100.1"


def test_a_forged_header_from_a_client_that_is_not_a_proxy_is_ignored(settings):
    settings.TRUSTED_PROXY_NETWORKS = [ip_network("10.0.0.0/8")]

    request = request_from("203.0.113.5", forwarded="198.51.100.1")

    assert client_ip(request) == "203.0.113.5"


def test_a_missing_or_garbled_forwarded_header_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXY_NETWORKS = [ip_network("10.0.0.0/8")]

    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"
    assert client_ip(request_from("10.0.0.2", forwarded="not-an-address")) == "10.0.0.2"


def test_ipv6_clients_count_per_64_network(db):
    limit = RateLimit("test-ipv6", limit=2, period=60)
    same_home = ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::9"]

    assert [limit.hit(request_from(ip)) for ip in same_home] == [True, True, False]
    assert limit.hit(request_from("2001:db8:1:3::1")) is True
    assert client_key(request_from("2001:db8:1:2::1")) == "2001:db8:1:2::"
    assert client_key(request_from("::ffff:192.0.2.1")) == "192.0.2.1"


def test_rate_limit_counts_each_address_separately(db):
    limit = RateLimit("test-separate", limit=2, period=60)

    assert [limit.hit(request_from("192.0.2.1")) for _ in range(3)] == [True, True, False]
    assert limit.hit(request_from("192.0.2.2")) is True


def test_rate_limit_starts_again_in_the_next_window(db):
    limit = RateLimit("test-window", limit=1, period=60)
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        assert limit.hit(request_from()) is True
        assert limit.hit(request_from()) is False
        assert 0 < limit.retry_after() <= 61
        traveller.shift(60)
        assert limit.hit(request_from()) is True


def test_the_mixin_works_on_a_plain_form():
    data = {"name": "Sam", "form_started": sign_timestamp(time.time() - 10), "website": ""}

    form = ContactForm(data)

    assert form.spam_reason() == ""
    assert form.is_valid()
    assert ContactForm({**data, "website": "x"}).spam_reason() == "honeypot filled in"
    assert "form_started" in ContactForm().fields

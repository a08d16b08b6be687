import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
    "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - runs this project's own manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = dict(PRODUCTION_ENV, DJANGO_SECRET_KEY="")
    result = manage("check", **env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", **dict(PRODUCTION_ENV, DJANGO_ALLOWED_HOSTS=""))

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_an_https_base_url():
    for base_url in ["", "http://portal.example.org"]:
        result = manage("check", **dict(PRODUCTION_ENV, WAGTAILADMIN_BASE_URL=base_url))

        assert result.returncode != 0
        assert "WAGTAILADMIN_BASE_URL must be the site's public https address" in result.stderr


def test_env_files_are_kept_out_of_git_and_the_docker_image():
    for ignore_file in [".gitignore", ".dockerignore"]:
        patterns = (PROJECT / ignore_file).read_text().split()
        assert "*.env" in patterns, ignore_file
        assert ".env" in patterns, ignore_file


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_keeps_pages_in_the_cache_only_when_the_cache_is_shared():
    show = ("shell", "-c", "from django.conf import settings; print(settings.CACHE_CONTENT)")

    assert manage(*show, **PRODUCTION_ENV).stdout.splitlines()[-1] == "True"
    assert manage(*show, **dict(PRODUCTION_ENV, REDIS_URL="")).stdout.splitlines()[-1] == "False"


def test_the_deployment_checklist_warns_when_each_worker_has_its_own_cache():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **dict(PRODUCTION_ENV, REDIS_URL="")
    )

    assert result.returncode != 0
    assert "portal.W001" in result.stderr + result.stdout
    assert "REDIS_URL" in result.stderr + result.stdout


def test_the_deployment_checklist_warns_of_a_proxy_whose_address_is_not_trusted():
    behind_proxy = dict(PRODUCTION_ENV, DJANGO_BEHIND_TLS_PROXY="true")

    result = manage("check", "--deploy", "--fail-level", "WARNING", **behind_proxy)

    assert result.returncode != 0
    assert "portal.W002" in result.stderr + result.stdout
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr + result.stdout
    trusted = dict(behind_proxy, DJANGO_TRUSTED_PROXIES="10.0.0.0/8")
    assert manage("check", "--deploy", "--fail-level", "WARNING", **trusted).returncode == 0

"""Several machines share one cache (Redis) and one file store (S3): what one process writes,
another reads. The S3 server is moto's standalone one, which speaks S3's HTTP protocol to
django-storages and boto3 as a real S3 or MinIO would. Tests needing Redis or the S3 server skip,
saying why, only when the service is absent (CI starts Redis: .ci/run)."""

import os
import subprocess
import sys
import uuid

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.utils.module_loading import import_string

from interventures.settings.base import cache_config, storage_config
from interventures.settings.env import env_url
from practices import services as practice_services

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def run_django(code: str, **env: str) -> str:
    """`code` in a new Python process with the development settings and `env`: another machine."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(DJANGO_SETTINGS_MODULE="interventures.settings.dev", **env)
    result = subprocess.run(  # noqa: S603 (this Python, the test's own code)
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def redis_url():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.skip(f"No Redis answers at {REDIS_URL} (start redis-server; .ci/run does)")
    return REDIS_URL


@pytest.fixture
def redis_caches(settings, redis_url):
    """The portal's caches in Redis, under a prefix of their own (other tests share the server)."""
    prefix = f"test-{uuid.uuid4().hex}"
    config = cache_config(redis_url)
    for name, alias in config.items():
        alias["KEY_PREFIX"] = f"{prefix}-{name}"
    settings.CACHES = config
    yield config
    client = import_string("redis.Redis").from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}-*"):
        client.delete(key)


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on a free port, with an empty bucket."""
    server_module = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    boto3 = pytest.importorskip("boto3")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing"}
    bucket = f"portal-{uuid.uuid4().hex[:12]}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).create_bucket(Bucket=bucket)
    yield {
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        **credentials,
    }
    server.stop()


def s3_storage(environment: dict, alias: str):
    config = storage_config(
        bucket=environment["S3_BUCKET"],
        endpoint_url=environment["S3_ENDPOINT_URL"],
        region=environment["S3_REGION"],
        access_key=environment["S3_ACCESS_KEY_ID"],
        secret_key=environment["S3_SECRET_ACCESS_KEY"],
        private_root="/nowhere",
    )[alias]
    return import_string(config["BACKEND"])(**config["OPTIONS"])


# --- settings ---------------------------------------------------------------------------------


LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def test_both_shared_caches_are_in_redis_when_redis_url_is_set():
    config = cache_config("redis://cache.internal:6379/1")
    assert {config[alias]["BACKEND"] for alias in ("default", "pdf")} == {
        "django.core.cache.backends.redis.RedisCache"
    }
    assert config["pdf"]["LOCATION"] == config["default"]["LOCATION"]
    assert config["pdf"]["KEY_PREFIX"] != config["default"].get("KEY_PREFIX", "")
    assert config["local"]["BACKEND"] == LOCAL_MEMORY


def test_both_shared_caches_are_in_the_database_without_redis_url():
    config = cache_config("")
    assert {config[alias]["BACKEND"] for alias in ("default", "pdf")} == {
        "django.core.cache.backends.db.DatabaseCache"
    }
    assert config["local"]["BACKEND"] == LOCAL_MEMORY


def test_files_go_to_the_s3_bucket_when_s3_bucket_is_set():
    config = storage_config(
        bucket="portal-files", endpoint_url="https://s3.example.org", private_root="/srv/private"
    )
    assert (
        config["default"]["BACKEND"]
        == config["private"]["BACKEND"]
        == ("storages.backends.s3.S3Storage")
    )
    assert config["private"]["OPTIONS"]["bucket_name"] == "portal-files"
    assert config["default"]["OPTIONS"]["location"] != config["private"]["OPTIONS"]["location"]


def test_files_stay_on_the_disk_without_s3_bucket():
    config = storage_config(bucket="", private_root="/srv/private")
    assert config["private"]["OPTIONS"]["location"] == "/srv/private"
    assert config["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize("raw", ["localhost:6379", "http://cache:6379", "redis://cache:port"])
def test_a_malformed_redis_url_stops_start_up_naming_it(monkeypatch, raw):
    monkeypatch.setenv("REDIS_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env_url("REDIS_URL", ("redis", "rediss", "unix"))


def test_the_running_settings_read_redis_and_s3_from_the_environment():
    shown = run_django(
        "from django.conf import settings as s\n"
        "print(s.CACHES['default']['BACKEND'], s.STORAGES['private']['BACKEND'])",
        REDIS_URL="redis://cache.internal:6379/0",
        S3_BUCKET="portal-files",
    )
    assert shown == "django.core.cache.backends.redis.RedisCache storages.backends.s3.S3Storage"


# --- the shared file store --------------------------------------------------------------------


def test_a_pdf_written_by_one_storage_is_read_by_another_through_s3(s3_server):
    writer, reader = s3_storage(s3_server, "private"), s3_storage(s3_server, "private")
    name = writer.save("compendiums/7.pdf", ContentFile(b"%PDF-1.7 compendium"))
    with reader.open(name, "rb") as handle:
        assert handle.read() == b"%PDF-1.7 compendium"
    assert not s3_storage(s3_server, "default").exists(name)


def test_a_second_file_of_the_same_name_does_not_replace_the_first(s3_server):
    storage = s3_storage(s3_server, "private")
    first = storage.save("evidence/2026/minutes.pdf", ContentFile(b"first"))
    second = storage.save("evidence/2026/minutes.pdf", ContentFile(b"second"))
    assert first != second
    assert storage.open(first).read() == b"first"


def test_an_evidence_file_saved_in_one_process_is_read_by_another(s3_server):
    name = s3_storage(s3_server, "private").save(
        "evidence/2026/photo.png", ContentFile(b"\x89PNG evidence")
    )
    read = run_django(
        "from django.core.files.storage import storages\n"
        f"print(storages['private'].open({name!r}, 'rb').read().hex())",
        **s3_server,
    )
    assert bytes.fromhex(read) == b"\x89PNG evidence"


# --- the shared cache -------------------------------------------------------------------------


def test_an_interest_limit_counted_in_one_process_applies_in_another(redis_caches):
    for _ in range(practice_services.INTEREST_LIMIT):
        practice_services._count_interest("203.0.113.9", "visitor@example.org")
    assert practice_services.interest_rate_limited(ip="", email="visitor@example.org")
    other = RedisCache(REDIS_URL, dict(redis_caches["default"]))
    counted = other.get("practices:interest:email:visitor@example.org")
    assert counted == practice_services.INTEREST_LIMIT
    prefix = redis_caches["default"]["KEY_PREFIX"]
    shown = run_django(
        "from django.conf import settings as s\n"
        f"s.CACHES['default']['KEY_PREFIX'] = {prefix!r}\n"
        "from practices.services import interest_rate_limited\n"
        "print(interest_rate_limited(ip='203.0.113.9', email='someone.else@example.org'))",
        REDIS_URL=REDIS_URL,
    )
    assert shown == "True"


def test_a_pdf_cached_by_one_process_is_found_by_another(redis_caches):
    from reports import pdf

    pdf.cache_pdf("reports:pdf:test:en:abc", b"%PDF-1.7 cached")
    other = RedisCache(REDIS_URL, dict(redis_caches["pdf"]))
    assert other.get("reports:pdf:test:en:abc") == b"%PDF-1.7 cached"
    assert caches["default"].get("reports:pdf:test:en:abc") is None

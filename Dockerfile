# Production image: gunicorn serving config.wsgi, static files by whitenoise, uploaded images
# from /app/media by the app itself (portal/media.py), or from S3 with MEDIA_S3_BUCKET.
# Release step (run once per deploy, before the new containers take traffic):
#   docker run --rm --env-file portal.env IMAGE python manage.py migrate --noinput

FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN python -m venv /venv \
    && /venv/bin/pip install --no-cache-dir --upgrade pip \
    && /venv/bin/pip install --no-cache-dir -c constraints.txt ".[postgres]"

FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal
ENV PATH="/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=portal:portal . .
# collectstatic needs settings to import; these build-time values are never used at run time.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build.invalid WAGTAILADMIN_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown portal:portal /app/media
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
# The background worker (mail, search index) runs from this same image with another command:
#   docker run ... portal python manage.py db_worker
CMD ["sh", "-c", "gunicorn config.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile - --logger-class people.redaction.AccessLogger"]

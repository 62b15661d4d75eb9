FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
RUN SECRET_KEY=build-only AUDIT_CHAIN_KEY=build-only AUDIT_ANCHOR_PATH=/dev/null \
    python manage.py collectstatic --no-input -v0
# The audit chain's anchors (a volume in docker-compose.yml), writable by the service's user.
RUN mkdir -p /var/lib/claims/anchors && chown nobody /var/lib/claims/anchors
USER nobody
EXPOSE 8000

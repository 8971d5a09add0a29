# monitor: the feed-monitoring daemon in a container.
#   docker build -t monitor .
#   docker run -d --name monitor -v monitor-data:/data monitor
#   docker run -d -v "$PWD/my-config:/config:ro" -v monitor-data:/data monitor   # your own config
# The config is read from /config (this image ships config/ there and seeds/ at /seeds, so
# config/monitor.yaml's relative paths ../data and ../seeds mean /data and /seeds).
# Database and alert log live in the /data volume.

# --- build: compilers may be needed for wheels missing on this platform; they stay here ---
FROM python:3.11.14-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/monitor
ENV PATH=/opt/monitor/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md requirements.lock ./
COPY monitor/ monitor/
# the same install commands as the README's "Running it as a service": the locked dependencies,
# hash-checked, as listed (the lock is complete: uv resolved it; pip's own resolver in older pips
# trips over extras spelt two ways), then the package alone, then pip check that nothing is missing
RUN python -m pip install --require-hashes --no-deps -r requirements.lock && python -m pip install --no-deps . && python -m pip check

# --- run: the same base, the virtualenv, no compilers ---
FROM python:3.11.14-slim-bookworm
ENV PATH=/opt/monitor/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MONITOR_CONFIG=/config/monitor.yaml
RUN groupadd --system --gid 10001 monitor \
 && useradd --system --uid 10001 --gid monitor --home-dir /data --shell /usr/sbin/nologin monitor \
 && mkdir -p /data \
 && chown monitor:monitor /data
COPY --from=build /opt/monitor /opt/monitor
COPY config/ /config/
COPY seeds/ /seeds/
VOLUME ["/data"]
USER monitor:monitor
WORKDIR /data
# /healthz and /metrics; the shipped config binds 127.0.0.1 (enough for HEALTHCHECK): set
# http: {address: 0.0.0.0} in your config to scrape /metrics from outside the container.
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["monitor", "health", "--config", "/config/monitor.yaml"]
STOPSIGNAL SIGTERM
CMD ["monitor", "run", "--config", "/config/monitor.yaml"]

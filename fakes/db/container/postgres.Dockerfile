# PostgreSQL for PostgresFake.withRuntime('container').
# ensureImage() passes BASE_IMAGE: debian:bookworm-slim by default, or the local
# partner-harness/base:bookworm (scripts/docker/ensure-base-image.sh) where no registry is
# reachable. Legacy builder: DOCKER_BUILDKIT=0.
# See postgres-entrypoint.sh for the environment and files the container understands.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
ARG POSTGRES_MAJOR=15
# policy-rc.d: do not start a server during the build; createcluster.conf: no 'main' cluster either.
RUN set -eux; \
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 0755 /usr/sbin/policy-rc.d; \
    mkdir -p /etc/postgresql-common; echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "postgresql-${POSTGRES_MAJOR}"; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
ENV PG_MAJOR=${POSTGRES_MAJOR} PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
COPY postgres-entrypoint.sh /usr/local/bin/partner-harness-entrypoint
RUN chmod 0755 /usr/local/bin/partner-harness-entrypoint && mkdir -p /partner-harness/init.d /partner-harness/tls
# The hash of this context and the base image, which the tag also carries.
ARG PARTNER_HARNESS_CONTEXT_HASH=unknown
LABEL org.partner-harness.image=postgres org.partner-harness.context-hash=${PARTNER_HARNESS_CONTEXT_HASH}
EXPOSE 5432
# Postgres's "fast" shutdown: disconnect clients instead of waiting for them.
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/partner-harness-entrypoint"]

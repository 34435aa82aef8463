# MariaDB for MysqlFake.withRuntime('container'). Builds FROM a local image because no registry is
# reachable here (scripts/docker/ensure-base-image.sh makes it); with a registry,
# --build-arg BASE_IMAGE=debian:bookworm-slim works the same. Legacy builder: DOCKER_BUILDKIT=0.
# See mariadb-entrypoint.sh for the environment and files the container understands.
ARG BASE_IMAGE=partner-harness/base:bookworm
FROM ${BASE_IMAGE}
RUN set -eux; \
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 0755 /usr/sbin/policy-rc.d; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server mariadb-client; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/lib/mysql/*
ENV LANG=C.UTF-8
COPY mariadb-entrypoint.sh /usr/local/bin/partner-harness-entrypoint
RUN chmod 0755 /usr/local/bin/partner-harness-entrypoint && mkdir -p /partner-harness/init.d /partner-harness/tls
# Lets ensureImage() notice that this folder changed since the image was built.
ARG PARTNER_HARNESS_CONTEXT_HASH=unknown
LABEL org.partner-harness.image=mariadb org.partner-harness.context-hash=${PARTNER_HARNESS_CONTEXT_HASH}
EXPOSE 3306
ENTRYPOINT ["/usr/local/bin/partner-harness-entrypoint"]

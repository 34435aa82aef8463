# MariaDB for MysqlFake.withRuntime('container').
# ensureImage() passes BASE_IMAGE: debian:bookworm-slim by default, or the local
# partner-harness/base:bookworm (scripts/docker/ensure-base-image.sh) where no registry is
# reachable. Legacy builder: DOCKER_BUILDKIT=0.
# See mariadb-entrypoint.sh for the environment and files the container understands.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
RUN set -eux; \
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 0755 /usr/sbin/policy-rc.d; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server mariadb-client; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/lib/mysql/*
ENV LANG=C.UTF-8
COPY mariadb-entrypoint.sh /usr/local/bin/partner-harness-entrypoint
RUN chmod 0755 /usr/local/bin/partner-harness-entrypoint && mkdir -p /partner-harness/init.d /partner-harness/tls
# The hash of this context and the base image, which the tag also carries.
ARG PARTNER_HARNESS_CONTEXT_HASH=unknown
LABEL org.partner-harness.image=mariadb org.partner-harness.context-hash=${PARTNER_HARNESS_CONTEXT_HASH}
EXPOSE 3306
ENTRYPOINT ["/usr/local/bin/partner-harness-entrypoint"]

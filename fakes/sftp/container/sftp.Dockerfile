# OpenSSH sshd for SftpFake.withRuntime('container').
# ensureImage() passes BASE_IMAGE: debian:bookworm-slim by default, or the local
# partner-harness/base:bookworm (scripts/docker/ensure-base-image.sh) where no registry is
# reachable. Legacy builder: DOCKER_BUILDKIT=0.
# See sshd-entrypoint.sh for the config bundle the container understands.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
# policy-rc.d: do not start sshd during the build. The package's own host keys are removed: the
# fake copies in the same keys the other runtimes use.
RUN set -eux; \
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 0755 /usr/sbin/policy-rc.d; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-server; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /etc/ssh/ssh_host_*
ENV LANG=C.UTF-8 LC_ALL=C
COPY sshd-entrypoint.sh /usr/local/bin/partner-harness-entrypoint
RUN chmod 0755 /usr/local/bin/partner-harness-entrypoint && mkdir -p /partner-harness/sftp /run/sshd
# The hash of this context and the base image, which the tag also carries.
ARG PARTNER_HARNESS_CONTEXT_HASH=unknown
LABEL org.partner-harness.image=sftp org.partner-harness.context-hash=${PARTNER_HARNESS_CONTEXT_HASH}
EXPOSE 22
ENTRYPOINT ["/usr/local/bin/partner-harness-entrypoint"]

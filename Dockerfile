# smarthub-sim: a release binary with the static Swift standard library, on slim Debian, as a
# non-root user. `docker run -p 127.0.0.1:8080:8080 IMAGE` serves the embedded default seed on port 8080.
# Every `serve` option is also an environment variable (SMARTHUB_SIM_PORT, SMARTHUB_SIM_SEED, …).
# scripts/check-runtime-image starts the binary in a Debian root made from this file's runtime
# stage (its packages, copies, user, environment and health check), without Docker.

FROM swift:6.3-bookworm AS build
WORKDIR /build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev && rm -rf /var/lib/apt/lists/*
COPY Package.swift ./
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Tests ./Tests
COPY seed-data ./seed-data
COPY openapi ./openapi
COPY data ./data
COPY dashboard ./dashboard
COPY scripts/build-release ./scripts/build-release
# Without its symbols the binary is half the size (about 90 MB instead of 180).
RUN cp "$(scripts/build-release)" /usr/local/bin/smarthub-sim && strip /usr/local/bin/smarthub-sim

FROM debian:bookworm-slim
# What the binary links beyond the C and C++ runtimes of the base image (`ldd`): SQLite; and the
# CA certificates for webhooks over HTTPS.
ARG RUNTIME_PACKAGES="ca-certificates libsqlite3-0"
RUN apt-get update \
    && apt-get install -y --no-install-recommends ${RUNTIME_PACKAGES} \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 smarthub \
    && useradd --system --uid 10001 --gid smarthub --home-dir /srv/smarthub-sim --create-home smarthub \
    && install -d -o smarthub -g smarthub /srv/smarthub-sim/data
COPY --from=build /usr/local/bin/smarthub-sim /usr/local/bin/smarthub-sim
# The default seed, for reference and as a start for your own (the binary embeds the same file).
COPY seed-data /srv/smarthub-sim/seed-data
USER 10001:10001
WORKDIR /srv/smarthub-sim
ENV SMARTHUB_SIM_HOST=0.0.0.0 SMARTHUB_SIM_PORT=8080
EXPOSE 8080
# `smarthub-sim health` sends SMARTHUB_SIM_ADMIN_TOKEN when it is set, as the control API then needs it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/usr/local/bin/smarthub-sim", "health"]
ENTRYPOINT ["/usr/local/bin/smarthub-sim"]
CMD ["serve"]

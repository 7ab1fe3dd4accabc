# smarthub-sim: build a release binary with the static Swift standard library, run it on slim Debian.
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
RUN swift build -c release --static-swift-stdlib --product smarthub-sim \
    && cp "$(swift build -c release --show-bin-path)/smarthub-sim" /usr/local/bin/smarthub-sim

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl libsqlite3-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /srv/smarthub-sim --create-home smarthub
COPY --from=build /usr/local/bin/smarthub-sim /usr/local/bin/smarthub-sim
COPY seed-data /srv/smarthub-sim/seed-data
USER smarthub
WORKDIR /srv/smarthub-sim
EXPOSE 8080
# Up when it answers: 200, or 401 when the server was started with --admin-token.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s \
    CMD curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/_sim/health | grep -qE '^(200|401)$' || exit 1
ENTRYPOINT ["/usr/local/bin/smarthub-sim"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]

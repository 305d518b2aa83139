# The offline WUPEX twin as a container, for teams without Node: the single executable from `npm run build:exe` on a slim Debian.
# Not built in this project's CI (its machine has no Docker engine); the executable inside it is built and tested by npm run test:pack.
#   docker build -t wupex-twin .
#   docker run --rm -p 4010:4010 wupex-twin                          # the twin on http://127.0.0.1:4010
#   docker run --rm -p 4010:4010 wupex-twin --scenario low-balance   # same flags as npm run mock
FROM node:20-bookworm-slim AS build
WORKDIR /kit
COPY . .
RUN npm ci && npm run build:exe

FROM debian:bookworm-slim
COPY --from=build /kit/build/exe/wupex-twin /usr/local/bin/wupex-twin
RUN useradd --create-home twin
USER twin
EXPOSE 4010
# Inside a container the twin must bind every interface to be reached through -p; publish the port on 127.0.0.1 only if
# other machines must not reach it: docker run -p 127.0.0.1:4010:4010 ...
ENTRYPOINT ["wupex-twin", "--host", "0.0.0.0", "--port", "4010"]

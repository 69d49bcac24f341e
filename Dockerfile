# CPU image (default):  docker build -t dreamomni2-playground .
# CUDA image:           docker build --build-arg FLAVOR=gpu -t dreamomni2-playground:gpu .
# The publish is tools/publish.sh, which .ci/run also runs for both flavours.
ARG FLAVOR=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG FLAVOR
WORKDIR /src
# Restore from the project files alone, so that a change to the sources reuses this layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Contracts/Contracts.csproj Contracts/
COPY Engine/Engine.csproj Engine/
COPY Translation/Translation.csproj Translation/
COPY ShapeWorld/ShapeWorld.csproj ShapeWorld/
COPY Components/Components.csproj Components/
COPY Server/Server.csproj Server/
COPY tools/publish.sh tools/
RUN tools/publish.sh restore "$FLAVOR"
COPY . .
RUN tools/publish.sh publish "$FLAVOR" /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-cpu
ENV Playground__Provider=Cpu

# ONNX Runtime 1.32's CUDA provider links CUDA 13 (libcudart.so.13, libcublas.so.13) and loads cuDNN 9.
FROM nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04 AS runtime-gpu
# .NET's own dependencies beyond the base: OpenSSL (cryptography) and the CA roots; no ICU (invariant globalization).
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3t64 \
 && rm -rf /var/lib/apt/lists/*
ENV DOTNET_ROOT=/usr/share/dotnet \
    Playground__Provider=Cuda

FROM runtime-${FLAVOR}
# The server runs as an unprivileged user that owns only /data: the SQLite database, the stored files and the
# Data Protection keys (all under Playground__DataPath).
RUN (id -u app >/dev/null 2>&1 || useradd --uid 1654 --user-group --no-create-home --shell /usr/sbin/nologin app) \
 && mkdir -p /data \
 && chown app:app /data
WORKDIR /app
COPY --from=build /app .
ENV PORT=8080
ENV ASPNETCORE_URLS=http://+:${PORT} \
    DOTNET_gcServer=0 \
    Playground__PackPath=/app/packs/tiny \
    Playground__DataPath=/data \
    Playground__Hosted=true
VOLUME /data
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "DreamOmni2.Server.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "DreamOmni2.Server.dll", "--contentRoot", "/app"]

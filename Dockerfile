# CPU image (default):  docker build -t dreamomni2-playground .
# CUDA image:           docker build --build-arg FLAVOR=gpu -t dreamomni2-playground:gpu .
ARG FLAVOR=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG FLAVOR
WORKDIR /src
COPY . .
RUN if [ "$FLAVOR" = "gpu" ]; then runtime=Gpu; else runtime=Cpu; fi \
 && dotnet publish Server/Server.csproj -c Release -o /app -p:OnnxRuntimeFlavor=$runtime \
 && mkdir -p /app/wwwroot /app/packs \
 && cp -r wwwroot/. /app/wwwroot/ \
 && cp -r packs/tiny packs/examples /app/packs/

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime-cpu
ENV Playground__Provider=Cpu

FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 AS runtime-gpu
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet \
    Playground__Provider=Cuda

FROM runtime-${FLAVOR}
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0 \
    Playground__PackPath=/app/packs/tiny \
    Playground__DataPath=/data \
    Playground__Hosted=true
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "DreamOmni2.Server.dll", "--contentRoot", "/app"]

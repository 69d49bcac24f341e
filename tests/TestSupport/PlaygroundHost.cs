using System.Net.Http.Json;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DreamOmni2.TestSupport;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 with a real SQLite file in <paramref name="dataFolder"/>, running the
/// fixture pack. Several hosts in turn over one data folder stand for a server restart.
/// </summary>
public sealed class PlaygroundHost(string dataFolder, int defaultSteps, IReadOnlyDictionary<string, string?>? settings, string environment)
    : WebApplicationFactory<Program>
{
    public Uri BaseAddress { get; private set; } = null!;

    public JobService Jobs => Services.GetRequiredService<JobService>();

    /// <summary>What the server logged, with its levels and exceptions.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <param name="environment">The hosting environment; Development, as tests run by default, leaves out HSTS.</param>
    public static PlaygroundHost Start(
        string dataFolder, int defaultSteps = 4, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var host = new PlaygroundHost(dataFolder, defaultSteps, settings, environment);
        host.UseKestrel(0);
        host.StartServer();
        string address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        // The repository's wwwroot, as the server itself finds it: the factory would otherwise look beside the project.
        builder.UseWebRoot(DreamOmni2.Server.Configuration.RepositoryLayout.Find(AppContext.BaseDirectory).WebRoot);
        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Playground:DataPath", dataFolder);
        builder.UseSetting("Playground:PackPath", "packs/fixture");
        builder.UseSetting("Playground:DefaultSteps", defaultSteps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    /// <param name="token">An access token, sent as SignalR clients send it; null: none.</param>
    public async Task<HubConnection> ConnectHubAsync(string? token = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, JobsHub.Path), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(json => JobJson.Configure(json.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task<UploadedImage> UploadAsync(byte[] image, string name = "image.png")
    {
        using var http = Http();
        using var response = await http.PostAsync(FileEndpoints.UploadPath, UploadContent(image, name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UploadedImage>())!;
    }

    public static MultipartFormDataContent UploadContent(byte[] image, string name) =>
        new() { { new ByteArrayContent(image), "file", name } };
}

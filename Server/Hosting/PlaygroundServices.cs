using DreamOmni2.Contracts;
using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Components.Pages;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Examples;
using DreamOmni2.Server.Health;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Jobs.Shared;
using DreamOmni2.Server.Refusals;
using DreamOmni2.Server.Security;
using DreamOmni2.Server.Sharing;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Telemetry;
using DreamOmni2.Server.Uploads;
using DreamOmni2.ShapeWorld.Reading;
using DreamOmni2.Translation.Reflection;
using DreamOmni2.Translation.Vlm;
using DreamOmni2.Translation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using StackExchange.Redis;

namespace DreamOmni2.Server.Hosting;

/// <summary>Everything the playground registers: engine, storage, queue, auth, security, Blazor and the hub.</summary>
public static class PlaygroundServices
{

    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder, RepositoryLayout layout)
    {
        // Options are read when services are first resolved, not here, so hosts and tests can still change them.
        var services = builder.Services;
        services.Configure<PlaygroundOptions>(builder.Configuration.GetSection(PlaygroundOptions.Section));
        services.AddSingleton(layout);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(provider => PlaygroundDatabase.Open(Options(provider), DataFolder(provider)));
        services.AddSingleton(provider => new ContentStore(FilesFolder(Options(provider), DataFolder(provider))));
        services.AddSingleton<JobRepository>();
        services.AddSingleton<JobDeletion>();
        services.AddSingleton<UploadRepository>();
        services.AddSingleton<FileOwnership>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<OwnerPurge>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<ShareLinks>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<ResultInputs>();
        services.AddSingleton<UploadedSettings>();

        services.AddSingleton(OpenEngine);
        services.AddSingleton<PromptTranslator>();
        services.AddSingleton<ExampleCatalog>();
        services.AddSingleton(OpenResultChecker);
        services.AddSingleton<SubmissionReader>();
        services.AddSingleton<SubmitRateLimit>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<JobBoard>();
        services.AddSingleton<JobTranslation>();
        services.AddSingleton<JobService>();
        services.AddSingleton<ShareService>();
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton(provider => new SharedJobQueue(provider.GetRequiredService<PlaygroundDatabase>(),
            provider.GetRequiredService<JobRepository>(), provider.GetRequiredService<TimeProvider>(), Options(provider).WorkerLease));
        services.AddSingleton<SharedJobDispatcher>();
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<IJobSource>(provider => Options(provider).SharedQueue
            ? provider.GetRequiredService<SharedJobDispatcher>() : provider.GetRequiredService<JobDispatcher>());
        services.AddSingleton<IConnectionMultiplexer>(provider => ConnectionMultiplexer.Connect(Options(provider).Redis!));
        services.AddSingleton<RedisJobEvents>();
        services.AddSingleton<IJobEvents>(provider => Options(provider).SharedQueue
            ? provider.GetRequiredService<RedisJobEvents>() : new NoJobEvents());
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService<PlaygroundStartup>();
        services.AddHostedService<JobRecovery>();
        services.AddHostedService<SharedJobUpdates>();
        services.AddHostedService(provider => provider.GetRequiredService<JobWorker>());

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemResponses>();
        services.Configure<FormOptions>(form =>
        {
            // An upload is one file and a field or two: anything more is refused while it is read.
            form.ValueCountLimit = 16;
            form.KeyLengthLimit = 256;
            form.ValueLengthLimit = 4096;
            form.MultipartHeadersCountLimit = 8;
            form.MultipartHeadersLengthLimit = 4096;
        });
        services.AddPlaygroundHealth();
        services.AddPlaygroundSecurity(builder.Configuration);
        services.AddPlaygroundTelemetry(builder.Configuration);
        AddAuthorization(services);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<EditorDraft>();
        var signalR = services.AddSignalR()
            .AddHubOptions<JobsHub>(hub =>
            {
                hub.AddFilter<HubAccountCheck>();
                hub.AddFilter<HubRefusals>();
            })
            .AddJsonProtocol(json => JobJson.Configure(json.PayloadSerializerOptions));
        services.Remove(services.Single(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)));
        services.AddSingleton<IHubProtocol, RefusingJsonHubProtocol>();
        // Several web front ends: SignalR's Redis backplane, so a message to a connection reaches it on any of them.
        if (builder.Configuration[$"{PlaygroundOptions.Section}:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, backplane => backplane.Configuration.ChannelPrefix = RedisChannel.Literal("dreamomni2:signalr"));
        }
        // SignalR logs every HubException (a refusal) as an error with its stack; HubRefusals logs refusals and faults itself.
        builder.Logging.AddFilter(HubRefusals.DispatcherLogCategory, LogLevel.None);
        return builder;
    }

    private static PlaygroundOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<PlaygroundOptions>>().Value;

    public static string DataFolder(IServiceProvider provider) =>
        provider.GetRequiredService<RepositoryLayout>().Resolve(Options(provider).DataPath);

    /// <summary>The folder of uploads and results: <c>FilesPath</c>, or <c>files</c> in the data folder.</summary>
    public static string FilesFolder(PlaygroundOptions options, string dataFolder) =>
        string.IsNullOrWhiteSpace(options.FilesPath) ? Path.Combine(dataFolder, "files") : Path.GetFullPath(options.FilesPath, dataFolder);

    private static PlaygroundEngine OpenEngine(IServiceProvider provider)
    {
        var options = Options(provider);
        string packFolder = provider.GetRequiredService<RepositoryLayout>().PackFolder(options.PackPath);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("DreamOmni2.Engine");
        var sessions = PackSessions.Open(ModelPack.Load(packFolder), options.Provider, logger, options.IntraOpThreads);
        var vlm = provider.GetRequiredService<IConfiguration>().GetSection(VlmTranslatorOptions.SectionName).Get<VlmTranslatorOptions>();
        IPackTranslatorFactory[] packLanguages = [new ShapeWorldTranslatorFactory()];
        var translator = InstructionTranslators.ForPack(sessions.Pack.Manifest, vlm, packLanguages);
        logger.LogInformation("Playground pack: {Folder}; translator: {Translator}", packFolder, translator.GetType().Name);
        return new PlaygroundEngine(sessions, translator, InstructionTranslators.KnowledgeOf(sessions.Pack.Manifest, packLanguages), options.DefaultSteps);
    }

    private static ResultChecker OpenResultChecker(IServiceProvider provider)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var reflection = configuration.GetSection(ReflectionOptions.SectionName).Get<ReflectionOptions>() ?? new ReflectionOptions();
        var vlm = configuration.GetSection(VlmTranslatorOptions.SectionName).Get<VlmTranslatorOptions>();
        if (reflection.MaxRounds < 1)
        {
            throw new InvalidOperationException($"{ReflectionOptions.SectionName}:MaxRounds must be at least 1; it is {reflection.MaxRounds}");
        }
        var engine = provider.GetRequiredService<PlaygroundEngine>();
        // The checker owns the loop and its chat client, and disposes them with the server.
#pragma warning disable CA2000
        var loop = reflection.Enabled
            ? InstructionTranslators.CreateReflectionLoop(vlm, InstructionTranslators.ImagePreparerFor(engine.Pack.Manifest))
            : null;
#pragma warning restore CA2000
        if (reflection.Enabled && loop is null)
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("DreamOmni2.Reflection").LogWarning(
                "{Section}:Enabled is set but no VLM is configured ({Vlm}): check and retry stays off", ReflectionOptions.SectionName, VlmTranslatorOptions.SectionName);
        }
        return new ResultChecker(loop, reflection.MaxRounds, engine, provider.GetRequiredService<ContentStore>());
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
    }

    public static WebApplication MapPlayground(this WebApplication app)
    {
        var options = Options(app.Services);
        if (options.Role == PlaygroundRole.Worker)
        {
            // A worker serves no pages, only its health for the orchestrator.
            app.MapPlaygroundHealth();
            return app;
        }
        app.UsePlaygroundSecurity();
        // Files of the web root are served before routing: Blazor's `{**path:file}` fallback endpoint would otherwise
        // take them, and in hosted mode refuse the sign-in page its stylesheet until the visitor signs in.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapPlaygroundHealth();
        app.MapServerStatus();
        app.MapSignIn();
        app.MapInvitations();
        app.MapSingleSignOn();
        app.MapPlaygroundFiles(options.MaxUploadBytes);
        app.MapExamples();
        app.MapShareLinks();
        app.MapHub<JobsHub>(JobsHub.Path);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}

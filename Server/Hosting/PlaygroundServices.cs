using DreamOmni2.Engine.Packs;
using DreamOmni2.Engine.Runtime;
using DreamOmni2.Engine.Translation;
using DreamOmni2.Engine.Translation.BuiltIn;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DreamOmni2.Server.Hosting;

/// <summary>Everything the playground registers: engine, storage, queue, auth, Blazor and the hub.</summary>
public static class PlaygroundServices
{
    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder, RepositoryLayout layout)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(PlaygroundOptions.Section).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        services.Configure<PlaygroundOptions>(builder.Configuration.GetSection(PlaygroundOptions.Section));
        services.AddSingleton(layout);
        services.AddSingleton(TimeProvider.System);

        string data = layout.Resolve(options.DataPath);
        services.AddSingleton(new PlaygroundDatabase(Path.Combine(data, "playground.db")));
        services.AddSingleton(new ContentStore(Path.Combine(data, "files")));
        services.AddSingleton<JobRepository>();
        services.AddSingleton<UploadRepository>();
        services.AddSingleton<FileOwnership>();
        services.AddSingleton<UploadService>();

        services.AddSingleton<IInstructionTranslator, BuiltInInstructionTranslator>();
        services.AddSingleton(provider => OpenEngine(provider, layout.PackFolder(options.PackPath), options.DefaultSteps));
        services.AddSingleton<PromptTranslator>();
        services.AddSingleton<SubmissionReader>();
        services.AddSingleton<JobService>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobWorker>();

        AddAuthentication(services, options.Hosted);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR().AddJsonProtocol(json => JobJson.Configure(json.PayloadSerializerOptions));
        return builder;
    }

    private static PlaygroundEngine OpenEngine(IServiceProvider provider, string packFolder, int? defaultSteps)
    {
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("DreamOmni2.Engine");
        var sessions = PackSessions.Open(ModelPack.Load(packFolder), ExecutionProviderChoice.Cpu, logger);
        logger.LogInformation("Playground pack: {Folder}", packFolder);
        return new PlaygroundEngine(sessions, provider.GetRequiredService<IInstructionTranslator>(), defaultSteps);
    }

    private static void AddAuthentication(IServiceCollection services, bool hosted)
    {
        if (hosted)
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(cookie =>
                {
                    cookie.LoginPath = SignInEndpoints.SignInPath;
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SameSite = SameSiteMode.Lax;
                });
            services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }
        else
        {
            services.AddAuthentication(LocalUser.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalUser>(LocalUser.SchemeName, null);
            services.AddAuthorization();
        }
        services.AddCascadingAuthenticationState();
    }

    public static WebApplication MapPlayground(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        var engine = app.Services.GetRequiredService<PlaygroundEngine>();
        app.Logger.LogInformation("Pack '{Pack}' on {Provider}; {Mode} mode", engine.Pack.Name, engine.ProviderName, options.Hosted ? "hosted" : "local");
        app.Services.GetRequiredService<JobService>();

        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignIn();
        app.MapPlaygroundFiles(options.MaxUploadBytes);
        app.MapHub<JobsHub>(JobsHub.Path);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}

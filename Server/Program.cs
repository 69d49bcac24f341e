using DreamOmni2.Engine.Packs;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;

if (ServerCommands.Run(args, Console.In, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// `worker` (last, as the container passes it after its own arguments): run jobs from the shared queue, serve no pages.
if (args is [.. var rest, ServerCommands.WorkerCommand])
{
    args = [.. rest, $"--{PlaygroundOptions.Section}:Role={PlaygroundRole.Worker}"];
}

var layout = RepositoryLayout.Find(Directory.GetCurrentDirectory());
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = layout.WebRoot });
builder.WebHost.UseStaticWebAssets();
builder.AddPlayground(layout);

var app = builder.Build();
app.MapPlayground();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"DreamOmni2 Playground: open {url}");
    }
});
try
{
    app.Run();
}
catch (Exception e) when (e is PackValidationException or InvalidOperationException or IOException)
{
    // A pack, a setting or the address that stops the server: one line saying what, no stack trace.
    Console.Error.WriteLine($"DreamOmni2 Playground cannot start: {e.Message}");
    return 2;
}
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

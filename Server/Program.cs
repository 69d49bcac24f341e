using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;

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
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

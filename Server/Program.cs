using DreamOmni2.Server.Auth;
using DreamOmni2.Server.Configuration;
using DreamOmni2.Server.Hosting;

if (args is [.., HostedUsers.HashPasswordCommand])
{
    string password = Console.In.ReadLine() ?? "";
    if (password.Length == 0)
    {
        Console.Error.WriteLine("type the password on standard input, e.g. read -rs P && echo \"$P\" | dotnet run --project Server -- hash-password");
        return 2;
    }
    Console.WriteLine(PasswordHash.Create(password));
    return 0;
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
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

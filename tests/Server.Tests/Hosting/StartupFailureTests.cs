using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>What stops the server at start says what, in one line, and exits 2: no crash, no stack trace.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_broken_pack_stops_the_server_with_one_line_naming_the_problem()
    {
        string pack = Directory.CreateDirectory(Path.Combine(_data.Path, "broken-pack")).FullName;
        File.WriteAllText(Path.Combine(pack, "pack.json"), "{ \"name\": ");

        var run = await ServerProcess.RunAsync(new Dictionary<string, string>
        {
            ["Playground__PackPath"] = pack,
            ["Playground__DataPath"] = Path.Combine(_data.Path, "data"),
        });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("DreamOmni2 Playground cannot start: ", run.Error);
        Assert.Contains("pack.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task A_hash_that_cannot_be_read_stops_the_server_naming_the_user()
    {
        var run = await ServerProcess.RunAsync(new Dictionary<string, string>
        {
            ["Playground__Hosted"] = "true",
            ["Playground__Users__ann"] = "pbkdf2-sha256$oops",
            ["Playground__PackPath"] = "packs/fixture",
            ["Playground__DataPath"] = Path.Combine(_data.Path, "data"),
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Playground:Users:ann cannot be read", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    public void Dispose() => _data.Dispose();
}

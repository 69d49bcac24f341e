using System.Net;
using System.Text.RegularExpressions;
using DreamOmni2.TestSupport;
using Microsoft.Extensions.Logging;

namespace DreamOmni2.Server.Tests.Hosting;

/// <summary>
/// A page load and every file it names are served without a warning from the static file handling. The repository's wwwroot is not
/// in the built static-asset manifest, so if its files reached the development fallback of MapStaticAssets instead of
/// the static files middleware, each load would log "not found in the built time manifest" for the stylesheet and script.
/// </summary>
public sealed partial class StaticAssetLogTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Loading_the_playground_and_its_files_logs_no_warning()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();

        string page = await http.GetStringAsync("/");
        var files = LinkedFile().Matches(page).Select(m => m.Groups[1].Value).Where(path => !path.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
        foreach (string file in files)
        {
            using var response = await http.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
        }

        Assert.Contains("css/playground.css", files);
        Assert.Contains("js/playground.js", files);
        var warnings = host.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.Contains("Static", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Select(w => $"{w.Category}: {w.Message}")));
    }

    [GeneratedRegex("""(?:href|src)="([^"#]+\.(?:css|js|svg))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LinkedFile();

    public void Dispose() => _data.Dispose();
}

using DreamOmni2.Engine.Imaging;
using DreamOmni2.TestSupport;
using DreamOmni2.Server.Uploads;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace DreamOmni2.Server.Tests.Uploads;

/// <summary>Files handed over by the page's file input, drop zone or paste handler.</summary>
public sealed class BrowserFileUploadTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task A_file_declared_over_the_limit_is_refused_without_reading_it()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:MaxUploadBytes"] = "1000" });
        var file = new BrowserFile("holiday.png", TestImages.Png(8, 8, 1), declaredSize: 3 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<ImageInputException>(() =>
            host.Services.GetRequiredService<UploadService>().AcceptAsync("owner", file, 2, CancellationToken.None));

        Assert.Equal(ImageInputError.TooLarge, error.Kind);
        Assert.Equal("image 2 (holiday.png) is 3 MB; the limit is 1000 bytes — export it smaller", error.Message);
        Assert.False(file.Opened);
    }

    [Fact]
    public async Task A_file_within_the_limit_is_stored_with_its_size()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var file = new BrowserFile("star.png", TestImages.Png(48, 32, 3));

        var uploaded = await host.Services.GetRequiredService<UploadService>().AcceptAsync("owner", file, 1, CancellationToken.None);

        Assert.Equal((48, 32, "star.png"), (uploaded.Width, uploaded.Height, uploaded.Name));
        Assert.True(file.Opened);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>What Blazor hands the page for a picked file: a name, a declared size and a stream opened on demand.</summary>
    private sealed class BrowserFile(string name, byte[] content, long? declaredSize = null) : IBrowserFile
    {
        public bool Opened { get; private set; }

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => declaredSize ?? content.Length;

        public string ContentType => "image/png";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened = true;
            return new MemoryStream(content, writable: false);
        }
    }
}

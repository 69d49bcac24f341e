using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DreamOmni2.Server.Api;
using DreamOmni2.Server.Security;
using DreamOmni2.TestSupport;

namespace DreamOmni2.Server.Tests.Security;

/// <summary>What a stranger can send over HTTP: foreign origins and host names, malformed uploads, and the headers every answer carries.</summary>
public sealed class RequestBoundaryTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    public async Task An_upload_from_a_foreign_page_is_refused_even_in_local_mode(string origin)
    {
        using var host = PlaygroundHost.Start(_data.Path);

        using var response = await PostFromAsync(host, FileEndpoints.UploadPath, origin, PlaygroundHost.UploadContent(TestImages.Png(64, 64, 1), "a.png"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_origin_and_programs_without_an_origin_may_upload()
    {
        using var host = PlaygroundHost.Start(_data.Path);

        using var sameOrigin = await PostFromAsync(
            host, FileEndpoints.UploadPath, host.BaseAddress.GetLeftPart(UriPartial.Authority), PlaygroundHost.UploadContent(TestImages.Png(64, 64, 1), "a.png"));

        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.NotNull(await host.UploadAsync(TestImages.Png(64, 64, 2)));
    }

    [Theory]
    [InlineData("/hubs/jobs/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task The_hub_and_the_circuit_refuse_a_foreign_page(string negotiate)
    {
        using var host = PlaygroundHost.Start(_data.Path);

        using var response = await PostFromAsync(host, negotiate, "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_extra_origin_is_allowed()
    {
        using var host = PlaygroundHost.Start(_data.Path, settings: new Dictionary<string, string?> { ["Playground:AllowedOrigins:0"] = "https://studio.example/" });

        using var response = await PostFromAsync(host, "/hubs/jobs/negotiate?negotiateVersion=1", "https://studio.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/history")]
    [InlineData("/files/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/")]
    public async Task A_local_server_answers_only_to_loopback_names(string path)
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, path);
        rebound.Headers.Host = "attacker.example";
        using var loopback = new HttpRequestMessage(HttpMethod.Get, "/");
        loopback.Headers.Host = $"localhost:{host.BaseAddress.Port}";

        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebound)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(loopback)).StatusCode);
    }

    public static TheoryData<string, Func<HttpContent>> MalformedUploads => new()
    {
        { "garbage", () => new ByteArrayContent(Encoding.ASCII.GetBytes("\x00\x01garbage")) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x") } } },
        { "no boundary", () => new StringContent("--x\r\n\r\n", Encoding.ASCII, "multipart/form-data") },
        { "2,000 fields", () => new FormUrlEncodedContent(Enumerable.Range(0, 2000).Select(i => KeyValuePair.Create($"f{i}", "v"))) },
        { "a 20 KB part header", () => Multipart(new string('h', 20_000), "a.png") },
        { "a 10,000-character file name", () => Multipart("x", new string('n', 10_000) + ".png") },
        { "JSON", () => new StringContent("{}", Encoding.UTF8, "application/json") },
    };

    [Theory]
    [MemberData(nameof(MalformedUploads))]
    public async Task A_malformed_upload_is_a_clear_4xx_never_a_500_or_a_stack_trace(string what, Func<HttpContent> content)
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();

        using var response = await http.PostAsync(FileEndpoints.UploadPath, content());
        string body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(".cs:line", body);
    }

    [Fact]
    public async Task A_long_file_name_is_kept_short_and_clean()
    {
        using var host = PlaygroundHost.Start(_data.Path);
        var uploaded = await host.UploadAsync(TestImages.Png(64, 64, 3), "\u0007" + new string('n', 1_000) + ".png");

        Assert.True(uploaded.Name.Length <= 201);
        Assert.DoesNotContain('\u0007', uploaded.Name);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/healthz")]
    [InlineData("/files/nothing")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var host = PlaygroundHost.Start(_data.Path);
        using var http = host.Http();

        using var response = await http.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Behind_a_tls_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        var settings = new Dictionary<string, string?>(SignedInClient.HostedSettings("ann"))
        {
            ["Playground:ForwardedHeaders:Enabled"] = "true",
            ["Playground:AllowedOrigins:0"] = "https://playground.example",
        };
        using var host = PlaygroundHost.Start(_data.Path, settings: settings, environment: "Production");
        using var client = SignedInClient.Anonymous(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "ann", ["password"] = SignedInClient.Password, ["returnUrl"] = "/" }),
        };
        request.Headers.Host = "playground.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    /// <summary>A POST as a page at <paramref name="origin"/> would send it.</summary>
    private static async Task<HttpResponseMessage> PostFromAsync(PlaygroundHost host, string path, string origin, HttpContent? content = null)
    {
        using var http = host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", origin);
        return await http.SendAsync(request);
    }

    private static MultipartFormDataContent Multipart(string headerValue, string fileName)
    {
        var file = new ByteArrayContent(TestImages.Png(16, 16, 1));
        file.Headers.TryAddWithoutValidation("X-Padding", headerValue);
        return new MultipartFormDataContent { { file, FileEndpoints.FileField, fileName } };
    }

    public void Dispose() => _data.Dispose();
}

using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DreamOmni2.TestSupport;

/// <summary>
/// A small OpenID Connect provider on 127.0.0.1 (a real Kestrel): discovery, signing keys, an authorize endpoint that
/// signs in whoever <see cref="SignInAs"/> names without asking, and a token endpoint that checks the code, the client
/// and the PKCE verifier before issuing an RS256 ID token.
/// </summary>
public sealed class LoopbackOidcProvider : IAsyncDisposable
{
    public const string ClientId = "playground";
    public const string ClientSecret = "loopback-client-secret";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, (string Subject, string Name, string Nonce, string Challenge, string RedirectUri)> _codes = new();

    private LoopbackOidcProvider(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "loopback-key" };
    }

    public string Issuer { get; private set; } = "";

    /// <summary>Who the next authorize request signs in: the subject and the preferred user name.</summary>
    public (string Subject, string Name) SignInAs { get; set; } = ("subject-1", "olivia");

    public static async Task<LoopbackOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var provider = new LoopbackOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", (Delegate)provider.TokenAsync);
        await app.StartAsync();
        provider.Issuer = app.Urls.Single();
        return provider;
    }

    private JsonObject Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new JsonArray("code"),
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
    };

    private JsonObject Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E,
            }),
        };
    }

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unsupported request");
        }
        string code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string redirect = query["redirect_uri"].ToString();
        _codes[code] = (SignInAs.Subject, SignInAs.Name, query["nonce"].ToString(), query["code_challenge"].ToString(), redirect);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}&iss={Uri.EscapeDataString(Issuer)}");
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_grant" }, statusCode: 400);
        }
        string challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.Challenge)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "PKCE verifier does not match" }, statusCode: 400);
        }
        var now = DateTime.UtcNow;
        string idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", grant.Subject), new Claim("preferred_username", grant.Name), new Claim("nonce", grant.Nonce)]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new JsonObject
        {
            ["access_token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}

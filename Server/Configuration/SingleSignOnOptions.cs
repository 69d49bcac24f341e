namespace DreamOmni2.Server.Configuration;

/// <summary>
/// The <c>Playground:SingleSignOn</c> section: sign-in through an OpenID Connect provider (Keycloak, Entra ID, Google,
/// Authentik…) besides passwords. The provider must send the browser back to <c>/signin-oidc</c> on this server.
/// </summary>
public sealed class SingleSignOnOptions
{
    /// <summary>The provider's issuer URL, where <c>.well-known/openid-configuration</c> is found; HTTPS unless loopback.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret for a confidential client; null for a public one (PKCE is always used).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The button's words: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>
    /// True: the first sign-in of someone the provider vouches for makes them an account (as a user, not an admin).
    /// False: only people who already have an account from an earlier sign-in may (a closed team).
    /// </summary>
    public bool AllowNewUsers { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

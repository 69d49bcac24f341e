using System.Security.Claims;

namespace DreamOmni2.Server.Auth;

/// <summary>The owner id of jobs and files: the signed-in user's name (in local mode, <see cref="LocalUser.Name"/>).</summary>
public static class OwnerId
{
    public static string Of(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException("no signed-in user: owner-scoped calls need authentication");
}

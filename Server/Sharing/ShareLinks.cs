using System.Globalization;
using System.Security.Cryptography;
using DreamOmni2.Contracts;
using DreamOmni2.Server.Jobs;
using DreamOmni2.Server.Storage;

namespace DreamOmni2.Server.Sharing;

/// <summary>
/// Share links in the database. A token is 192 random bits, written base64url; it is stored as it is (unlike an access
/// token) so its owner can copy the link again from their list: it opens one result read-only, which anyone who could
/// read the database could read anyway. A revoked link is deleted, so it is as unknown as one that never existed.
/// </summary>
public sealed class ShareLinks(PlaygroundDatabase database, TimeProvider clock)
{
    private const int TokenBytes = 24;

    /// <summary>The length of every token: base64url of <see cref="TokenBytes"/> bytes, without padding.</summary>
    public const int TokenLength = TokenBytes / 3 * 4;

    private const string Columns = "token, owner, scope, target, job_id, show_inputs, keep_parameters, created, expires";

    public ShareLink Create(string owner, ShareScope scope, string target, string jobId, ShareOptions options)
    {
        var now = clock.GetUtcNow();
        var link = new ShareLink(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).Replace('+', '-').Replace('/', '_'),
            owner, scope, target, jobId, options.ShowInputs, options.KeepParameters, now, now + options.ExpiresAfter);
        database.Execute(
            $"INSERT INTO share_links ({Columns}) VALUES (@token, @owner, @scope, @target, @job, @inputs, @parameters, @created, @expires)",
            ("@token", link.Token), ("@owner", owner), ("@scope", scope.ToString()), ("@target", target), ("@job", jobId),
            ("@inputs", link.ShowInputs), ("@parameters", link.KeepParameters), ("@created", Text(link.Created)), ("@expires", link.Expires is { } e ? Text(e) : null));
        return link;
    }

    /// <summary>The link a token opens; null when the token is malformed, unknown (or revoked) or expired, which callers must not tell apart.</summary>
    public ShareLink? Open(string token)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }
        var link = Query($"SELECT {Columns} FROM share_links WHERE token = @token", ("@token", token)).FirstOrDefault();
        return link is null || link.ExpiredAt(clock.GetUtcNow()) ? null : link;
    }

    /// <summary>The owner's links, expired ones included (until revoked), newest first.</summary>
    public IReadOnlyList<ShareLink> List(string owner) =>
        Query($"SELECT {Columns} FROM share_links WHERE owner = @owner ORDER BY created DESC", ("@owner", owner));

    /// <summary>Deletes one of the owner's links; false when the owner has no link with that token.</summary>
    public bool Revoke(string owner, string token) =>
        IsWellFormed(token) && database.Execute("DELETE FROM share_links WHERE token = @token AND owner = @owner", ("@token", token), ("@owner", owner)) > 0;

    /// <summary>Deletes the owner's links that show the job: its own, and those of the grid it is a cell of or the chain it is a round of.</summary>
    public void DeleteShowing(JobRecord job) => database.Execute(
        """
        DELETE FROM share_links WHERE owner = @owner AND (job_id = @job
          OR (scope = 'Job' AND target = @job) OR (scope = 'Ablation' AND target = @group) OR (scope = 'Chain' AND target = @chain))
        """,
        ("@owner", job.Owner), ("@job", job.Id), ("@group", job.Spec.AblationGroup), ("@chain", job.Spec.Reflection?.Chain));

    /// <summary>Whether a token could be one this server made: anything else is answered without a look in the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private List<ShareLink> Query(string sql, params (string, object?)[] parameters)
    {
        using var connection = database.Open();
        using var command = PlaygroundDatabase.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var links = new List<ShareLink>();
        while (reader.Read())
        {
            links.Add(new ShareLink(
                reader.GetString(0), reader.GetString(1), Enum.Parse<ShareScope>(reader.GetString(2)), reader.GetString(3), reader.GetString(4),
                reader.GetBoolean(5), reader.GetBoolean(6), Parse(reader.GetString(7)), reader.IsDBNull(8) ? null : Parse(reader.GetString(8))));
        }
        return links;
    }

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

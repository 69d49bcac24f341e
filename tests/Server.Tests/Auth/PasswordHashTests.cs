using DreamOmni2.Server.Auth;

namespace DreamOmni2.Server.Tests.Auth;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_hash_accepts_its_password_and_nothing_else()
    {
        string stored = PasswordHash.Create("correct horse", iterations: 1000);

        Assert.StartsWith("pbkdf2-sha256$1000$", stored);
        Assert.DoesNotContain("correct horse", stored);
        Assert.True(PasswordHash.Verify("correct horse", stored));
        Assert.False(PasswordHash.Verify("correct horse ", stored));
        Assert.False(PasswordHash.Verify("", stored));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(PasswordHash.Create("pw", 1000), PasswordHash.Create("pw", 1000));
    }

    [Fact]
    public void Plain_text_still_works_and_an_unknown_user_never_signs_in()
    {
        Assert.True(PasswordHash.Verify("ann-secret", "ann-secret"));
        Assert.False(PasswordHash.Verify("ann-secret", "ann-secreT"));
        Assert.False(PasswordHash.Verify("anything", null));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$")]
    [InlineData("pbkdf2-sha256$abc$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not base64$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdA==")]
    public void A_malformed_hash_is_reported_and_matches_nothing(string stored)
    {
        Assert.NotNull(PasswordHash.Problem(stored));
        Assert.False(PasswordHash.Verify("", stored));
    }
}

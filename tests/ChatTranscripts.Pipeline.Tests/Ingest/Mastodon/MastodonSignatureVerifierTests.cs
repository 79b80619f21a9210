using System.Text;
using ChatTranscripts.Pipeline.Ingest.Mastodon;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Mastodon;

public sealed class MastodonSignatureVerifierTests
{
    private const string Secret = "8f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"status.created"}""");

    private static MastodonSignatureVerifier Verifier(string? secret = Secret) =>
        new(Options.Create(new MastodonWebhookOptions { Secret = secret }));

    private static string SignatureOf(byte[] body, string secret = Secret) =>
        "sha256=" + Convert.ToHexStringLower(MastodonSignatureVerifier.Sign(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void A_hex_hmac_of_the_raw_body_is_accepted_in_either_case()
    {
        Assert.Null(Verifier().Verify(SignatureOf(Body), Body));
        Assert.Null(Verifier().Verify(SignatureOf(Body).ToUpperInvariant(), Body));
    }

    [Fact]
    public void The_signature_matches_an_independent_hmac()
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("key"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));

        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", expected);
        Assert.Equal(expected, Convert.ToHexStringLower(MastodonSignatureVerifier.Sign(Encoding.UTF8.GetBytes("key"), Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=abcd")]
    public void A_missing_or_malformed_signature_is_refused(string? header) =>
        Assert.NotNull(Verifier().Verify(header, Body));

    [Fact]
    public void A_signature_by_another_secret_or_over_another_body_is_refused()
    {
        Assert.NotNull(Verifier().Verify(SignatureOf(Body, "another secret"), Body));
        Assert.NotNull(Verifier().Verify(SignatureOf(Encoding.UTF8.GetBytes("{}")), Body));
    }

    [Fact]
    public void Without_a_secret_nothing_is_checked()
    {
        Assert.False(Verifier(null).IsEnabled);
        Assert.Null(Verifier(null).Verify(null, Body));
    }
}

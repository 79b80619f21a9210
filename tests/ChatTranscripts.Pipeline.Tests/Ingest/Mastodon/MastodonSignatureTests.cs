using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.Mastodon;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Ingest.Mastodon;

public sealed class MastodonSignatureTests
{
    private const string Secret = "8f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"status.created"}""");

    private static MastodonSignature Signature(string? secret = Secret, bool requireSecret = false) =>
        new(Options.Create(new MastodonWebhookOptions { Secret = secret }), Options.Create(new WebhookOptions { RequireSecret = requireSecret }));

    private static string SignatureOf(byte[] body, string secret = Secret) => WebhookRequestSigner.MastodonSignature(secret, body);

    private static SignatureOutcome Verify(string? header, byte[] body, MastodonSignature? signature = null)
    {
        var headers = new HeaderDictionary();
        if (header is not null)
        {
            headers[MastodonSignature.SignatureHeader] = header;
        }
        return (signature ?? Signature()).Verify(headers, body);
    }

    [Fact]
    public void A_hex_hmac_of_the_raw_body_is_accepted_in_either_case()
    {
        Assert.Equal(new SignatureOutcome.Verified(DeliveryId: null), Verify(SignatureOf(Body), Body));
        Assert.Equal(new SignatureOutcome.Verified(DeliveryId: null), Verify(SignatureOf(Body).ToUpperInvariant(), Body));
    }

    [Fact]
    public void The_signature_matches_an_independent_hmac()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("key"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog")));

        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", expected);
        Assert.IsType<SignatureOutcome.Verified>(
            Verify("sha256=" + expected, Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"), Signature("key")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=abcd")]
    public void A_missing_or_malformed_signature_is_refused(string? header) =>
        Assert.IsType<SignatureOutcome.Refused>(Verify(header, Body));

    [Fact]
    public void A_signature_by_another_secret_or_over_another_body_is_refused()
    {
        Assert.IsType<SignatureOutcome.Refused>(Verify(SignatureOf(Body, "another secret"), Body));
        Assert.IsType<SignatureOutcome.Refused>(Verify(SignatureOf(Encoding.UTF8.GetBytes("{}")), Body));
    }

    [Fact]
    public void Without_a_secret_nothing_is_checked()
    {
        Assert.False(Signature(null).IsConfigured);
        Assert.Null(Signature(null).MissingConfiguration);
        Assert.IsType<SignatureOutcome.NotRequired>(Verify(null, Body, Signature(null)));
    }

    [Fact]
    public void Without_a_secret_where_one_is_required_the_route_says_what_to_configure()
    {
        Assert.Contains("Webhooks:Mastodon:Secret", Signature(null, requireSecret: true).MissingConfiguration, StringComparison.Ordinal);
        Assert.Null(Signature(requireSecret: true).MissingConfiguration);
    }
}

using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatTranscripts.Pipeline.Tests.Ingest;

public sealed class StandardWebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_specifications_known_answer_vector_verifies()
    {
        var vectors = SharedConformance.Require("standard-webhooks", "known-answer-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(vectors));
        foreach (var vector in document.RootElement.GetProperty("sign").EnumerateArray())
        {
            var timestamp = vector.GetProperty("timestamp").GetInt64();
            var verifier = Verifier(vector.GetProperty("secret").GetString()!, DateTimeOffset.FromUnixTimeSeconds(timestamp).AddSeconds(30));
            var body = Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!);

            var outcome = verifier.Verify(
                Headers(
                    vector.GetProperty("msg_id").GetString(),
                    timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    vector.GetProperty("expected_webhook_signature").GetString()),
                body);

            Assert.Equal(new SignatureOutcome.Verified(vector.GetProperty("msg_id").GetString()), outcome);
        }
    }

    [Fact]
    public void A_valid_signature_among_others_in_the_header_is_enough()
    {
        var body = "{\"text\":\"hello\"}"u8.ToArray();
        var headers = WebhookRequestSigner.StandardWebhookHeaders(Secret, "msg_1", Now, body).ToDictionary(h => h.Key, h => h.Value);
        var signatures = $"v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {headers["webhook-signature"]} v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

        Assert.Equal(new SignatureOutcome.Verified("msg_1"), Verifier(Secret, Now).Verify(Headers("msg_1", headers["webhook-timestamp"], signatures), body));
    }

    [Fact]
    public void A_changed_body_id_or_secret_fails()
    {
        var body = "{\"text\":\"hello\"}"u8.ToArray();
        var headers = WebhookRequestSigner.StandardWebhookHeaders(Secret, "msg_1", Now, body).ToDictionary(h => h.Key, h => h.Value);
        var verifier = Verifier(Secret, Now);

        Assert.IsType<SignatureOutcome.Refused>(verifier.Verify(Headers("msg_1", headers["webhook-timestamp"], headers["webhook-signature"]), "{\"text\":\"hellO\"}"u8));
        Assert.IsType<SignatureOutcome.Refused>(verifier.Verify(Headers("msg_2", headers["webhook-timestamp"], headers["webhook-signature"]), body));
        Assert.IsType<SignatureOutcome.Refused>(
            Verifier("whsec_" + Convert.ToBase64String(new byte[24]), Now).Verify(Headers("msg_1", headers["webhook-timestamp"], headers["webhook-signature"]), body));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void Timestamps_must_be_within_five_minutes_either_way(int offsetSeconds, bool valid)
    {
        var body = "{}"u8.ToArray();
        var headers = WebhookRequestSigner.StandardWebhookHeaders(Secret, "msg_1", Now.AddSeconds(offsetSeconds), body).ToDictionary(h => h.Key, h => h.Value);

        var outcome = Verifier(Secret, Now).Verify(Headers("msg_1", headers["webhook-timestamp"], headers["webhook-signature"]), body);

        Assert.Equal(valid, outcome is SignatureOutcome.Verified);
        Assert.Equal(!valid, outcome is SignatureOutcome.Refused);
    }

    [Theory]
    [InlineData(null, "1764072000", "v1,abc")]
    [InlineData("msg_1", null, "v1,abc")]
    [InlineData("msg_1", "1764072000", null)]
    [InlineData("msg_1", "not-a-number", "v1,abc")]
    [InlineData("msg_1", "1764072000", "v1,not base64!")]
    [InlineData("msg_1", "1764072000", "v1")]
    public void Missing_or_malformed_headers_fail_with_a_reason(string? id, string? timestamp, string? signature)
    {
        var refused = Assert.IsType<SignatureOutcome.Refused>(Verifier(Secret, Now).Verify(Headers(id, timestamp, signature), "{}"u8));

        Assert.NotEmpty(refused.Reason);
    }

    [Fact]
    public void Without_a_secret_nothing_is_checked()
    {
        var verifier = new StandardWebhookSignature(Options.Create(new WebhookOptions()), new FakeTimeProvider(Now));

        Assert.False(verifier.IsEnabled);
        Assert.IsType<SignatureOutcome.NotRequired>(verifier.Verify(Headers(null, null, null), "{}"u8));
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("whsec_", false)]
    [InlineData("whsec_not*base64", false)]
    public void Secrets_are_base64_with_an_optional_prefix(string secret, bool valid)
    {
        Assert.Equal(valid, StandardWebhookSignature.IsValidSecret(secret));
    }

    private static StandardWebhookSignature Verifier(string secret, DateTimeOffset now) =>
        new(Options.Create(new WebhookOptions { Secret = secret }), new FakeTimeProvider(now));

    /// <summary>The request's headers; a null value is a header not sent.</summary>
    private static HeaderDictionary Headers(string? id, string? timestamp, string? signatures)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in new[] { ("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signatures) })
        {
            if (value is not null)
            {
                headers[name] = value;
            }
        }
        return headers;
    }
}

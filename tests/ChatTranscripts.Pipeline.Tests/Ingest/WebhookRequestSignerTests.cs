using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Testing;

namespace ChatTranscripts.Pipeline.Tests.Ingest;

/// <summary>
/// The tests' own signer reproduces each scheme's published values, so the verifier tests that sign with it check the
/// verifiers against the specifications rather than against a copy of themselves.
/// </summary>
public sealed class WebhookRequestSignerTests
{
    [Fact]
    public void Standard_webhook_headers_reproduce_the_specifications_known_answer_vector()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedConformance.Require("standard-webhooks", "known-answer-vectors.json")));
        foreach (var vector in document.RootElement.GetProperty("sign").EnumerateArray())
        {
            var timestamp = vector.GetProperty("timestamp").GetInt64();

            var headers = WebhookRequestSigner.StandardWebhookHeaders(
                vector.GetProperty("secret").GetString()!,
                vector.GetProperty("msg_id").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(timestamp),
                Encoding.UTF8.GetBytes(vector.GetProperty("payload").GetString()!));

            Assert.Equal(
                [
                    new("webhook-id", vector.GetProperty("msg_id").GetString()!),
                    new("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, string>("webhook-signature", vector.GetProperty("expected_webhook_signature").GetString()!),
                ],
                headers);
        }
    }

    [Fact]
    public void A_standard_webhook_secret_signs_the_same_with_or_without_its_prefix()
    {
        var withPrefix = WebhookRequestSigner.StandardWebhookHeaders("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", DateTimeOffset.UnixEpoch, "{}"u8);
        var without = WebhookRequestSigner.StandardWebhookHeaders("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", DateTimeOffset.UnixEpoch, "{}"u8);

        Assert.Equal(withPrefix, without);
    }

    [Fact]
    public void X_signatures_reproduce_the_published_delivery_and_crc_values()
    {
        var vectors = JsonDocument.Parse(File.ReadAllText(SharedConformance.Require("payloads", "x-aaa-signature-vectors.json"))).RootElement;
        var secret = vectors.GetProperty("consumer_secret").GetString()!;
        var post = vectors.GetProperty("post_signature");
        var crc = vectors.GetProperty("crc_challenge");

        Assert.Equal(
            post.GetProperty("expected").GetString(),
            WebhookRequestSigner.XSignature(secret, File.ReadAllBytes(SharedConformance.Require("payloads", post.GetProperty("body_file").GetString()!))));
        Assert.Equal(
            JsonDocument.Parse(crc.GetProperty("expected_response_body").GetString()!).RootElement.GetProperty("response_token").GetString(),
            WebhookRequestSigner.XCrcResponseToken(secret, crc.GetProperty("crc_token").GetString()!));
    }

    [Fact]
    public void Mastodon_signatures_are_the_lowercase_hex_hmac_of_the_body()
    {
        // The HMAC-SHA256 of this sentence under "key" is the widely published example value.
        Assert.Equal(
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
            WebhookRequestSigner.MastodonSignature("key", "The quick brown fox jumps over the lazy dog"u8));
    }
}

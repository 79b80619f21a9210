using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.X;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Tests.Ingest.X;

public sealed class XSignatureTests
{
    private static JsonElement Vectors() =>
        JsonDocument.Parse(File.ReadAllText(XPayloads.Path("x-aaa-signature-vectors.json"))).RootElement;

    private static XSignature Signature(string? secret) => new(Options.Create(new XWebhookOptions { ConsumerSecret = secret }));

    private static XSignature VectorSignature() => Signature(Vectors().GetProperty("consumer_secret").GetString());

    private static HeaderDictionary Headers(string? signature)
    {
        var headers = new HeaderDictionary();
        if (signature is not null)
        {
            headers[XSignature.SignatureHeader] = signature;
        }
        return headers;
    }

    [Fact]
    public void The_real_delete_delivery_verifies_with_the_documented_signature()
    {
        var vector = Vectors().GetProperty("post_signature");
        var body = File.ReadAllBytes(XPayloads.Path(vector.GetProperty("body_file").GetString()!));

        Assert.Equal(new SignatureOutcome.Verified(DeliveryId: null), VectorSignature().Verify(Headers(vector.GetProperty("expected").GetString()), body));
    }

    [Fact]
    public void The_crc_response_token_matches_the_documented_vector()
    {
        var crc = Vectors().GetProperty("crc_challenge");
        var expected = JsonDocument.Parse(crc.GetProperty("expected_response_body").GetString()!).RootElement.GetProperty("response_token").GetString();

        Assert.Equal(expected, VectorSignature().ResponseToken(crc.GetProperty("crc_token").GetString()!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=fN0FZVManGRnnMhAWWT/UI58TXGACAt7RY5H2/akMa4=")]
    [InlineData("sha256=not base64!")]
    [InlineData("sha256=fN0FZVManGRnnMhAWWT/UI58TXGACAt7RY5H2/akMa4")]
    [InlineData("sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("sha256=fN0FZVManGRnnMhAWWT/UI58TXGACAt7RY5H2/akMa4=AAAA")]
    public void Missing_malformed_or_wrong_signatures_are_refused(string? header)
    {
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json"));

        Assert.IsType<SignatureOutcome.Refused>(VectorSignature().Verify(Headers(header), body));
    }

    [Fact]
    public void A_changed_body_no_longer_verifies()
    {
        var vector = Vectors().GetProperty("post_signature");
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json")).Append((byte)' ').ToArray();

        Assert.IsType<SignatureOutcome.Refused>(VectorSignature().Verify(Headers(vector.GetProperty("expected").GetString()), body));
    }

    [Fact]
    public void Another_consumer_secret_does_not_verify()
    {
        var vector = Vectors().GetProperty("post_signature");
        var body = File.ReadAllBytes(XPayloads.Path("x-aaa-tweet_delete_events.json"));

        Assert.IsType<SignatureOutcome.Refused>(Signature("another secret").Verify(Headers(vector.GetProperty("expected").GetString()), body));
    }

    [Fact]
    public void Without_a_consumer_secret_nothing_can_be_signed_or_verified()
    {
        var signature = Signature(null);

        Assert.False(signature.IsConfigured);
        Assert.Contains("Webhooks:X:ConsumerSecret", signature.MissingConfiguration, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => signature.ResponseToken("token"));
        Assert.Throws<InvalidOperationException>(() => signature.Verify(Headers("sha256=AAAA"), Encoding.UTF8.GetBytes("{}")));
    }
}

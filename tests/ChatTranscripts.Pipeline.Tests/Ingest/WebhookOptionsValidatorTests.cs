using ChatTranscripts.Pipeline.Http.Ingest;

namespace ChatTranscripts.Pipeline.Tests.Ingest;

/// <summary>A webhook secret must be a Standard Webhooks key of 24 to 64 bytes: a short one can be guessed, and posts forged.</summary>
public sealed class WebhookOptionsValidatorTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(32)]
    [InlineData(64)]
    public void Keys_of_24_to_64_bytes_are_accepted(int bytes)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Secret = Secret(bytes) });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(23)]
    [InlineData(65)]
    public void Shorter_or_longer_keys_stop_start_up_naming_the_setting_and_the_length(int bytes)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Secret = Secret(bytes) });

        Assert.True(result.Failed);
        Assert.Contains("Webhooks:Secret must hold a key of 24 to 64 random bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains($"not {bytes}:", result.FailureMessage, StringComparison.Ordinal);
    }

    private static string Secret(int bytes) => "whsec_" + Convert.ToBase64String(Enumerable.Range(1, bytes).Select(i => (byte)i).ToArray());
}

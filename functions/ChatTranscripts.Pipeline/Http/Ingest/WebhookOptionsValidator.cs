using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>Stops start-up with a clear message when the webhook secret is missing where it is required, unreadable or too weak.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    /// <summary>Standard Webhooks asks for keys of 24 to 64 random bytes: shorter ones can be guessed, and a signature forged.</summary>
    public const int MinimumKeyBytes = 24;

    public const int MaximumKeyBytes = 64;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            return options.RequireSecret
                ? ValidateOptionsResult.Fail("Webhooks:Secret is required here: set it to a Standard Webhooks secret such as whsec_<base64>.")
                : ValidateOptionsResult.Success;
        }
        if (!StandardWebhookSignature.IsValidSecret(options.Secret))
        {
            return ValidateOptionsResult.Fail("Webhooks:Secret must be 'whsec_' followed by base64 (the key), as Standard Webhooks specifies.");
        }
        var keyBytes = StandardWebhookSignature.DecodeSecret(options.Secret).Length;
        if (keyBytes is < MinimumKeyBytes or > MaximumKeyBytes)
        {
            return ValidateOptionsResult.Fail(
                $"Webhooks:Secret must hold a key of {MinimumKeyBytes} to {MaximumKeyBytes} random bytes (base64 after 'whsec_'), " +
                $"not {keyBytes}: generate one with \"whsec_$(head -c 32 /dev/urandom | base64)\".");
        }
        return options.Tolerance <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Webhooks:Tolerance must be positive.")
            : ValidateOptionsResult.Success;
    }
}

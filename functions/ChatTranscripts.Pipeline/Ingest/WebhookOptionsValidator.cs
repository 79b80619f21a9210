using Microsoft.Extensions.Options;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary>Stops start-up with a clear message when the webhook secret is missing where it is required, or unreadable.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            return options.RequireSecret
                ? ValidateOptionsResult.Fail("Webhooks:Secret is required here: set it to a Standard Webhooks secret such as whsec_<base64>.")
                : ValidateOptionsResult.Success;
        }
        if (!StandardWebhookVerifier.IsValidSecret(options.Secret))
        {
            return ValidateOptionsResult.Fail("Webhooks:Secret must be 'whsec_' followed by base64 (the key), as Standard Webhooks specifies.");
        }
        return options.Tolerance <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Webhooks:Tolerance must be positive.")
            : ValidateOptionsResult.Success;
    }
}

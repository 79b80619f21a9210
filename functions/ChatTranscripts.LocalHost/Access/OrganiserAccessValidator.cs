using Microsoft.Extensions.Options;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// Refuses to start a host that other machines could reach with no organiser token (anyone could redefine or publish
/// a session), or with a token short enough to guess.
/// </summary>
public sealed class OrganiserAccessValidator(NetworkExposure exposure) : IValidateOptions<OrganiserAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganiserAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.OrganiserToken))
        {
            return exposure.BeyondLoopback
                ? ValidateOptionsResult.Fail(
                    $"The local host would listen beyond loopback ({string.Join(", ", exposure.AddressesBeyondLoopback)}), where anyone could change sessions: " +
                    $"set LocalHost__OrganiserToken to a random token of at least {OrganiserAccessOptions.MinimumTokenLength} characters " +
                    "(openssl rand -base64 32) and send it as 'Authorization: Bearer <token>', or listen on 127.0.0.1 only.")
                : ValidateOptionsResult.Success;
        }
        return options.OrganiserToken.Length < OrganiserAccessOptions.MinimumTokenLength
            ? ValidateOptionsResult.Fail(
                $"LocalHost__OrganiserToken must be at least {OrganiserAccessOptions.MinimumTokenLength} characters (openssl rand -base64 32), not {options.OrganiserToken.Length}.")
            : ValidateOptionsResult.Success;
    }
}

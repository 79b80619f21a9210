namespace ChatTranscripts.LocalHost.Access;

/// <summary>Says at start-up, once, what a host that other machines can reach leaves open to them.</summary>
public sealed class NetworkExposureWarning(NetworkExposure exposure, ILogger<NetworkExposureWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (exposure.BeyondLoopback)
        {
            logger.LogWarning(
                "Listening beyond loopback on {Addresses}. Open to anyone who can reach it: the published site at / (read only). " +
                "The webhook routes take only deliveries signed with Webhooks:Secret (Mastodon and X with their own secrets, or they answer 503); " +
                "/api/sessions answers only 'Authorization: Bearer <LocalHost:OrganiserToken>'; cross-site browser requests are refused. " +
                "This host speaks plain http: the token and the posts cross the network unencrypted, so keep it on a trusted network or behind a TLS proxy.",
                string.Join(", ", exposure.AddressesBeyondLoopback));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>What an <see cref="IWebhookSignature"/> made of a delivery's headers and raw body.</summary>
public abstract record SignatureOutcome
{
    private SignatureOutcome()
    {
    }

    /// <summary>The headers sign this body.</summary>
    /// <param name="DeliveryId">
    /// The sender's id of the delivery, which it keeps for every retry, when the scheme signs one (Standard Webhooks'
    /// <c>webhook-id</c>); null otherwise, and the delivery is then known by its content.
    /// </param>
    public sealed record Verified(string? DeliveryId) : SignatureOutcome;

    /// <summary>No secret is configured and the route takes unsigned deliveries here (a local run); the headers name nothing.</summary>
    public sealed record NotRequired : SignatureOutcome;

    /// <summary>The delivery is not signed, or not by this secret, or not over this body: a 401 giving the reason.</summary>
    public sealed record Refused(string Reason) : SignatureOutcome;
}

using Azure;
using Azure.Messaging.ServiceBus;

namespace ChatTranscripts.Pipeline.Http;

/// <summary>Failures of our own infrastructure: the client did nothing wrong and may retry, so they map to 503, never 500.</summary>
public static class InfrastructureFailure
{
    public static bool Is(Exception exception) =>
        exception is RequestFailedException or ServiceBusException or TimeoutException or HttpRequestException;
}

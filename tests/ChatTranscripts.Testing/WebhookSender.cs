using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChatTranscripts.Testing;

/// <summary>
/// Sends deliveries as a webhook sender does: each signed with the Standard Webhooks secret under its own message id,
/// and retried with backoff (the same id, signed afresh) on a network error, 408, 429 or 5xx until the deadline —
/// so a receiver that crashed mid-stream gets every delivery again once it is back.
/// </summary>
public sealed class WebhookSender(HttpClient client, string? secret, TimeSpan deadline)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    private int _retries;

    /// <summary>Attempts beyond the first, over every delivery sent so far.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Sends one delivery until it is accepted; returns the accepting response's status.</summary>
    public async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        var messageId = "msg_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(json);
        var giveUp = DateTimeOffset.UtcNow + deadline;
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retries);
            }
            string failure;
            try
            {
                using var request = Request(method, path, body, messageId);
                using var response = await client.SendAsync(request, cancellationToken);
                if (!IsRetriable(response.StatusCode))
                {
                    return response.IsSuccessStatusCode
                        ? response.StatusCode
                        : throw new HttpRequestException(
                            $"{method} {path} was refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}",
                            null,
                            response.StatusCode);
                }
                failure = $"status {(int)response.StatusCode}";
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = e.Message;
            }
            if (DateTimeOffset.UtcNow + backoff > giveUp)
            {
                throw new TimeoutException($"{method} {path} was not accepted after {attempt} attempts; the last failed with {failure}.");
            }
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, byte[] body, string messageId)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            WebhookRequestSigner.SignStandardWebhook(request, secret, messageId, DateTimeOffset.UtcNow, body);
        }
        return request;
    }

    private static bool IsRetriable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

using System.Net;
using System.Net.Http.Headers;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>
/// Retries the way webhook senders do: on 408, 429, any 5xx and network failures, with exponential backoff and full
/// jitter (so concurrent senders do not retry in step), honouring <c>Retry-After</c>. Any other status is final: a 4xx
/// means the request itself is wrong and sending it again cannot help.
/// </summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    public static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 429 or >= 500;

    /// <summary>The pause before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < MaxDelay ? delta : MaxDelay;
        }
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling * Random.Shared.NextDouble());
    }

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds, building it afresh for every attempt (a request cannot
    /// be sent twice, and a signed one needs a fresh timestamp). <paramref name="onRetry"/> runs before each retry.
    /// </summary>
    public async Task<SendResult> SendAsync(
        HttpClient client, Func<HttpRequestMessage> createRequest, Action? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(createRequest);
        for (var attempt = 1; ; attempt++)
        {
            RetryConditionHeaderValue? retryAfter = null;
            SendResult result;
            try
            {
                using var request = createRequest();
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                result = new SendResult(response.StatusCode, body, attempt);
                if (!IsTransient(response.StatusCode))
                {
                    return result;
                }
                retryAfter = response.Headers.RetryAfter;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A refused or reset connection, or the client's timeout: the sender cannot know whether it arrived, so it sends again.
                result = new SendResult(null, null, attempt, e);
            }
            if (attempt >= MaxAttempts)
            {
                return result;
            }
            onRetry?.Invoke();
            await Task.Delay(DelayBefore(attempt, retryAfter), cancellationToken);
        }
    }
}

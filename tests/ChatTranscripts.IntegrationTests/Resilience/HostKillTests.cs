using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.IntegrationTests.Hosts;
using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>
/// The host killed with SIGKILL in the middle of a stream of webhooks, then started again while the senders retry:
/// every post must end up stored and published exactly once. For the local host the whole process dies; for the
/// Functions app its worker does, and the test Functions host starts a new one, as Azure's host does. Azurite, a
/// separate process, keeps the state, as storage does when an instance dies.
/// </summary>
public sealed class HostKillTests(AzuriteFixture azurite)
{
    private const int Posts = 1_200;
    private const int BatchSize = 20;
    private const int Senders = 4;
    private const string SessionId = "killed-mid-stream";

    /// <summary>Messages the killed host held come back this soon, rather than after the 5-minute default.</summary>
    private static readonly Dictionary<string, string?> ShortVisibility = new() { ["Queue:VisibilityTimeout"] = "00:00:03" };

    [Fact]
    public async Task A_local_host_killed_mid_stream_and_restarted_while_senders_retry_stores_and_publishes_every_post_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePorts.Take(1)[0];
        var settings = ChatHostSettings.Create(azurite, azurite.UniquePrefix(), new Dictionary<string, string?>(ShortVisibility)
        {
            ["LocalHost:PublishInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var host = await LocalHostProcess.StartAsync(port, settings, cancellationToken);
        try
        {
            // Generous: on a loaded CI machine a publish of the whole chat can take many seconds; the senders retry anyway.
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
            await SendKillAndCheckAsync(client, async () =>
            {
                await host.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                host = await LocalHostProcess.StartAsync(port, settings, cancellationToken);
            }, cancellationToken);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_functions_worker_killed_mid_stream_and_replaced_while_senders_retry_stores_and_publishes_every_post_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await FunctionsAppHost.StartAsync(azurite, ShortVisibility, cancellationToken);
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(100);
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = RunProcessTimerAsync(host, stopTimer.Token);
        try
        {
            await SendKillAndCheckAsync(client, () => host.Functions.RestartWorkerAfterKillAsync(cancellationToken), cancellationToken);
        }
        finally
        {
            await stopTimer.CancelAsync();
            await timer;
        }
    }

    /// <summary>The ProcessPosts schedule, every second; an occurrence cut short by the kill is simply the next one's work.</summary>
    private static async Task RunProcessTimerAsync(FunctionsAppHost host, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await host.InvokeTimerAsync("ProcessPosts", cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // The worker died under this occurrence; the replacement takes the next.
            }
        }
    }

    private static async Task SendKillAndCheckAsync(HttpClient client, Func<Task> killAndRestart, CancellationToken cancellationToken)
    {
        using (var put = await client.PutAsJsonAsync($"/api/sessions/{SessionId}", ChatApi.Session(), cancellationToken))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(cancellationToken));
        }
        var sender = new WebhookSender(client, ChatHostSettings.Secret, TimeSpan.FromMinutes(2));
        var deliveries = new Queue<string>(Deliveries());
        var accepted = 0;
        var killAfter = deliveries.Count / 3;
        var killed = new TaskCompletionSource();

        async Task SendAllAsync()
        {
            while (true)
            {
                string delivery;
                lock (deliveries)
                {
                    if (!deliveries.TryDequeue(out delivery!))
                    {
                        return;
                    }
                }
                await sender.SendAsync(HttpMethod.Post, "/api/posts", delivery, cancellationToken);
                if (Interlocked.Increment(ref accepted) == killAfter)
                {
                    killed.TrySetResult();
                }
            }
        }

        var sending = Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAllAsync, cancellationToken)));
        await Task.WhenAny(killed.Task, sending);
        Assert.False(sending.IsCompleted, "Every delivery was accepted before the host could be killed mid-stream.");
        await killAndRestart();
        await sending;

        Assert.True(sender.Retries > 0, "No delivery was retried: the kill did not interrupt the stream.");
        await WaitForPostCountAsync(client, cancellationToken);
        using (var publish = await client.PostAsync(new Uri($"/api/sessions/{SessionId}/publish", UriKind.Relative), null, cancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, publish.StatusCode);
        }
        using var transcript = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/{SessionId}/transcript.json", UriKind.Relative), cancellationToken));
        var ids = ChatApi.PostIds(transcript);
        Assert.Equal(Posts, transcript.RootElement.GetProperty("stats").GetProperty("posts").GetInt32());
        Assert.Equal(Enumerable.Range(1, Posts).Select(i => $"twitter:{i}").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    /// <summary>Batches of posts in a shuffled order; every fifth post replies to the one before it and has no hashtag.</summary>
    private static IEnumerable<string> Deliveries()
    {
        var posts = Enumerable.Range(1, Posts)
            .Select(i => i % 5 == 0
                ? ChatApi.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"@someone reply {i}", minute: 10 + i % 40, replyTo: (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : ChatApi.Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"A1: post {i} #bmcmed", minute: 10 + i % 40))
            .ToArray();
        new Random(7).Shuffle(posts);
        return posts.Chunk(BatchSize).Select(batch => new JsonArray(batch.Select(p => (JsonNode)p).ToArray()).ToJsonString());
    }

    private static async Task WaitForPostCountAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var giveUp = DateTimeOffset.UtcNow.AddMinutes(3);
        var count = 0;
        while (DateTimeOffset.UtcNow < giveUp)
        {
            string body;
            try
            {
                body = await client.GetStringAsync(new Uri($"/api/sessions/{SessionId}", UriKind.Relative), cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A poll that times out on a busy machine is asked again, as a reader would.
                continue;
            }
            using var session = JsonDocument.Parse(body);
            count = session.RootElement.GetProperty("postCount").GetInt32();
            if (count == Posts)
            {
                return;
            }
            Assert.True(count < Posts, $"The session holds {count} posts, more than the {Posts} sent.");
            await Task.Delay(500, cancellationToken);
        }
        Assert.Fail($"Only {count} of {Posts} posts were stored within 3 minutes of the last delivery.");
    }
}

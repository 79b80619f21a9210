using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatTranscripts.IntegrationTests.EndToEnd;
using ChatTranscripts.Testing;

using ChatTranscripts.IntegrationTests.Hosts;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>
/// The local host killed with SIGKILL in the middle of a stream of webhooks, then started again while the senders
/// retry: every post must end up stored and published exactly once. Azurite, a separate process, keeps the state,
/// as storage does when a Functions instance dies.
/// </summary>
public sealed class LocalHostKillTests(AzuriteFixture azurite)
{
    private const int Posts = 1_200;
    private const int BatchSize = 20;
    private const int Senders = 4;
    private const string SessionId = "killed-mid-stream";

    [Fact]
    public async Task A_host_killed_mid_stream_and_restarted_while_senders_retry_stores_and_publishes_every_post_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePorts.Take(1)[0];
        var prefix = azurite.UniquePrefix();
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Queue:Name"] = "posts" + prefix.ToLowerInvariant(),
            // Messages the killed host held come back this soon, rather than after the 5-minute default.
            ["Queue:VisibilityTimeout"] = "00:00:03",
            ["Publishing:Container"] = "web" + prefix.ToLowerInvariant(),
            ["Publishing:Delay"] = "00:00:00",
            ["Webhooks:Secret"] = ChatHostSettings.Secret,
            ["LocalHost:PublishInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var host = await LocalHostProcess.StartAsync(port, settings, cancellationToken);
        try
        {
            // Generous: on a loaded CI machine a publish of the whole chat can take many seconds; the senders retry anyway.
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
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
            await host.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            host = await LocalHostProcess.StartAsync(port, settings, cancellationToken);
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
        finally
        {
            await host.DisposeAsync();
        }
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

using Azure.Core;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests.Resilience;

/// <summary>Storage answering 503 Server Busy or 429 (throttling) is retried with backoff, and nothing is lost to it.</summary>
public sealed class ThrottlingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Every_request_throttled_twice_still_processes_and_publishes_the_chat(int status)
    {
        await using var reference = FaultyPipeline.Create(azurite);
        await using var throttled = FaultyPipeline.Create(azurite);
        foreach (var pipeline in new[] { reference, throttled })
        {
            await pipeline.DefineAsync("throttled");
        }
        var attempts = new Dictionary<HttpMessage, int>();
        throttled.Faults.Throttle(message =>
        {
            lock (attempts)
            {
                // HttpMessage is the same object across the retries of one operation: count its attempts.
                var attempt = attempts[message] = attempts.GetValueOrDefault(message) + 1;
                return attempt <= 2 ? status : null;
            }
        });

        foreach (var pipeline in new[] { reference, throttled })
        {
            await pipeline.Processor.ProcessAsync(
            [
                FaultyPipeline.Post("1", "Q1: anyone there? #bmcmed", 5, handle: "BMCMedicine"),
                FaultyPipeline.Post("2", "A1: here #bmcmed", 6, replyTo: "1"),
                FaultyPipeline.Post("3", "@someone and here", 7, handle: "other", replyTo: "2"),
            ], CancellationToken.None);
            Assert.Equal(1, await pipeline.Services.GetRequiredService<TranscriptPublisher>().PublishDueAsync(CancellationToken.None));
        }

        Assert.True(throttled.Faults.Throttled >= 2 * attempts.Count, $"{throttled.Faults.Throttled} throttled attempts for {attempts.Count} operations.");
        // Two throttled attempts, then at least one that reached Azurite (a loaded machine can make that one fail too, and be retried).
        Assert.All(attempts.Values, a => Assert.True(a >= 3, $"An operation was attempted {a} times; it was throttled twice, so it needed at least 3."));
        var expected = await reference.StateAsync("throttled");
        var actual = await throttled.StateAsync("throttled");
        Assert.Equal(expected.Posts, actual.Posts);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(3, actual.Posts.Count);
    }
}

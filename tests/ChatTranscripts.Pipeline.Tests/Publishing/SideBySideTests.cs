using ChatTranscripts.Pipeline.Application.Publishing;

namespace ChatTranscripts.Pipeline.Tests.Publishing;

public sealed class SideBySideTests
{
    [Fact]
    public async Task Every_part_runs_at_the_same_time_and_returns_its_own_result()
    {
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        using var parts = new SideBySide(TestContext.Current.CancellationToken);
        var first = parts.Start(async ct =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }
            await bothStarted.Task.WaitAsync(ct);
            return "first";
        });
        var second = parts.Start(async ct =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }
            await bothStarted.Task.WaitAsync(ct);
            return 2;
        });

        await parts.WhenAllAsync();

        Assert.Equal("first", await first);
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task The_first_failure_cancels_the_other_parts_and_leaves_once_they_have_finished()
    {
        var otherFinished = false;
        using var parts = new SideBySide(TestContext.Current.CancellationToken);
        var waiting = parts.Start(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
                return 0;
            }
            finally
            {
                otherFinished = true;
            }
        });
        var failing = parts.Start<int>(async ct =>
        {
            await Task.Yield();
            throw new IOException("storage refused the upload");
        });

        var error = await Assert.ThrowsAsync<IOException>(parts.WhenAllAsync);

        Assert.Equal("storage refused the upload", error.Message);
        Assert.True(otherFinished);
        Assert.True(waiting.IsCanceled);
        Assert.Same(error, failing.Exception?.InnerException);
    }

    [Fact]
    public async Task A_part_that_awaits_a_failed_part_fails_with_that_parts_error()
    {
        using var parts = new SideBySide(TestContext.Current.CancellationToken);
        var failing = parts.Start<int>(async ct =>
        {
            await Task.Yield();
            throw new InvalidDataException("no such participant");
        });
        var dependent = parts.Start(async ct => await failing + 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(parts.WhenAllAsync);

        Assert.Equal("no such participant", error.Message);
        Assert.Same(error, await Assert.ThrowsAsync<InvalidDataException>(() => dependent));
    }
}

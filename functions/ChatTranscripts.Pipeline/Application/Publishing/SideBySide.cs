using System.Runtime.ExceptionServices;

namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>
/// Parts of one piece of work that run at the same time. The first part to fail cancels the others, and
/// <see cref="WhenAllAsync"/> throws that part's exception, not the cancellation it caused in the others, once every part
/// has finished: so nothing of the work is still running when the error leaves.
/// </summary>
internal sealed class SideBySide(CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource _failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private readonly List<Task> _parts = [];
    private Exception? _firstFailure;

    /// <summary>Starts a part; another part may await the task returned (it fails as the part does).</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> part)
    {
        var task = RunAsync(part);
        _parts.Add(task);
        return task;
    }

    public async Task WhenAllAsync()
    {
        await Task.WhenAll(_parts).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_firstFailure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public void Dispose() => _failed.Dispose();

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> part)
    {
        try
        {
            return await part(_failed.Token);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _firstFailure, e, null);
            await _failed.CancelAsync();
            throw;
        }
    }
}

namespace ChatTranscripts.Pipeline.Adapters.Connections;

/// <summary>
/// Creates storage resources (tables, queues, containers) once per process. A failure, such as storage not being up
/// yet, is not remembered: the next call tries again.
/// </summary>
public sealed class CreateOnce(Func<CancellationToken, Task> create) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await create(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

namespace ChatTranscripts.Pipeline.Queueing;

/// <summary>
/// Runs one call per item, a bounded number at a time, where one call failing must not stop the others: settling
/// messages wants every call attempted and every failure reported.
/// </summary>
internal static class ConcurrentCalls
{
    public const int DefaultDegree = 16;

    /// <summary>Returns the items whose call failed, with the error; cancellation still stops the whole run.</summary>
    public static async Task<IReadOnlyList<(T Item, Exception Error)>> RunAllAsync<T>(
        IReadOnlyList<T> items,
        Func<T, CancellationToken, Task> call,
        CancellationToken cancellationToken,
        int degree = DefaultDegree)
    {
        var failures = new List<(T, Exception)>();
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                try
                {
                    await call(item, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    lock (failures)
                    {
                        failures.Add((item, e));
                    }
                }
            });
        return failures;
    }
}

namespace ChatTranscripts.Pipeline.Application;

/// <summary>
/// Runs one call per item, a bounded number at a time (<see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// underneath), so many small storage or queue calls overlap without flooding the account (or Azurite).
/// </summary>
public static class BoundedParallel
{
    public const int DefaultDegree = 32;

    /// <summary>Stops at the first call that fails, with its exception.</summary>
    public static Task ForEachAsync<TItem>(
        IEnumerable<TItem> items,
        Func<TItem, CancellationToken, Task> call,
        CancellationToken cancellationToken,
        int degree = DefaultDegree) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (item, ct) => await call(item, ct));

    /// <summary>Each item's result, in the order of the items.</summary>
    public static async Task<IReadOnlyList<TResult>> SelectAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> select,
        CancellationToken cancellationToken,
        int degree = DefaultDegree)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        await ForEachAsync(Enumerable.Range(0, list.Count), async (index, ct) => results[index] = await select(list[index], ct), cancellationToken, degree);
        return results;
    }

    /// <summary>
    /// Where one call failing must not stop the others (settling messages wants every call attempted and every failure
    /// reported): returns the items whose call failed, with the error; cancellation still stops the whole run.
    /// </summary>
    public static async Task<IReadOnlyList<(TItem Item, Exception Error)>> RunAllAsync<TItem>(
        IEnumerable<TItem> items,
        Func<TItem, CancellationToken, Task> call,
        CancellationToken cancellationToken,
        int degree = DefaultDegree)
    {
        var failures = new List<(TItem, Exception)>();
        await ForEachAsync(
            items,
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
            },
            cancellationToken,
            degree);
        return failures;
    }
}

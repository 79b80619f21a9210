namespace ChatTranscripts.Pipeline.Storage;

/// <summary>Runs many small storage calls concurrently without flooding the account (or Azurite).</summary>
public static class BoundedParallel
{
    public const int DefaultDegree = 32;

    public static async Task<IReadOnlyList<TResult>> SelectAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> select,
        CancellationToken cancellationToken,
        int degree = DefaultDegree)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (index, ct) => results[index] = await select(list[index], ct));
        return results;
    }
}

using System.Globalization;
using System.Numerics;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>
/// RowKey → content hash of every row of a session's Posts partition, and a <see cref="Digest"/> of them all kept up to
/// date as rows are set and removed: the sum of the row hashes (SHA-256 read as 256-bit numbers) modulo 2^256, with the
/// number of rows. A sum does not depend on the order rows are written or listed, so keeping it costs what a change
/// changes, never a pass over the partition.
/// </summary>
public sealed class PartitionRowHashes
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;

    private readonly Dictionary<string, string?> _hashes = new(StringComparer.Ordinal);
    private BigInteger _sum;

    public int Count => _hashes.Count;

    public IEnumerable<string> RowKeys => _hashes.Keys;

    /// <summary>The same for the same rows, however they came to be there.</summary>
    public string Digest => string.Create(CultureInfo.InvariantCulture, $"{Count}:{_sum:x64}");

    public bool TryGetValue(string rowKey, out string? hash) => _hashes.TryGetValue(rowKey, out hash);

    /// <summary>The row now holds content of <paramref name="hash"/> (null for a row written before rows had one).</summary>
    public void Set(string rowKey, string? hash)
    {
        Remove(rowKey);
        _hashes[rowKey] = hash;
        _sum = (_sum + Value(hash)) % Modulus;
    }

    public void Remove(string rowKey)
    {
        if (_hashes.Remove(rowKey, out var hash))
        {
            _sum = (_sum - Value(hash) + Modulus) % Modulus;
        }
    }

    private static BigInteger Value(string? hash) =>
        hash is null ? BigInteger.Zero : new BigInteger(Convert.FromHexString(hash), isUnsigned: true, isBigEndian: true);
}

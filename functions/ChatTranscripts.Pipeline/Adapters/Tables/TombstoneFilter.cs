using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// One segment of the Bloom filter over deleted posts: it answers "certainly not deleted" for almost every post that
/// is not, so a batch looks up only the few it cannot rule out instead of one tombstone per post. A segment holds up
/// to <see cref="Capacity"/> keys in <see cref="Bytes"/> bytes (a table's binary column takes 64 KiB); with
/// <see cref="HashCount"/> hashes a full one answers "maybe" for about 0.6 % of the posts never deleted. Keys are
/// only ever added, so a segment that is full never changes again.
/// </summary>
public sealed class TombstoneFilter
{
    public const int Bytes = 60_000;
    public const int Capacity = 45_000;
    public const int HashCount = 7;
    private const long Bits = Bytes * 8L;

    private readonly byte[] _bits;

    public TombstoneFilter()
        : this(new byte[Bytes], 0)
    {
    }

    private TombstoneFilter(byte[] bits, int count)
    {
        _bits = bits;
        Count = count;
    }

    /// <summary>Keys added, repeats included: what fills the segment.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count >= Capacity;

    public static TombstoneFilter FromBytes(byte[] bits, int count) =>
        bits.Length == Bytes
            ? new TombstoneFilter((byte[])bits.Clone(), count)
            : throw new InvalidDataException($"A tombstone filter segment holds {Bytes} bytes, not {bits.Length}.");

    public byte[] ToBytes() => (byte[])_bits.Clone();

    public void Add(PostKey key)
    {
        foreach (var bit in BitsOf(key))
        {
            _bits[bit >> 3] |= (byte)(1 << (int)(bit & 7));
        }
        Count++;
    }

    public bool MightContain(PostKey key)
    {
        foreach (var bit in BitsOf(key))
        {
            if ((_bits[bit >> 3] & (1 << (int)(bit & 7))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Double hashing over a stable digest: the same key sets the same bits in every process and every version, which
    /// <see cref="string.GetHashCode()"/> (seeded per process) would not.
    /// </summary>
    private static IEnumerable<long> BitsOf(PostKey key)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Platform}\n{key.Id}"), digest);
        var first = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        var step = BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]) | 1;
        var bits = new long[HashCount];
        for (var i = 0; i < HashCount; i++)
        {
            bits[i] = (long)((first + ((ulong)i * step)) % Bits);
        }
        return bits;
    }
}

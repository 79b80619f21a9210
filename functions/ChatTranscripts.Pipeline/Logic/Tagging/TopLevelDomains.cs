using System.Collections.Frozen;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>The IANA top-level domains, read once from the embedded Data/tlds.txt.</summary>
internal static class TopLevelDomains
{
    private const string ResourceName = "ChatTranscripts.Pipeline.Logic.Tagging.Data.tlds.txt";

    private static readonly Lists Loaded = Load();

    /// <summary>
    /// The length of the top-level domain that <paramref name="text"/> holds at <paramref name="start"/>, or 0.
    /// It must not run on into letters, digits, '@', '+' or '-'; an internationalised one may be followed by other
    /// letters ("twitter.みんなです" holds "みんな"). Generic domains are tried before country codes, and longer before
    /// shorter, which is twitter-text's order when several fit.
    /// </summary>
    public static int MatchLength(string text, int start)
    {
        var generic = LongestMatch(Loaded.Generic, Loaded.GenericMaxLength, text, start);
        return generic > 0 ? generic : LongestMatch(Loaded.CountryCode, Loaded.CountryCodeMaxLength, text, start);
    }

    private static int LongestMatch(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> domains, int maxLength, string text, int start)
    {
        for (var length = Math.Min(maxLength, text.Length - start); length > 0; length--)
        {
            var end = start + length;
            if ((end == text.Length || !UrlCharacters.ContinuesTopLevelDomain(text[end]))
                && domains.Contains(text.AsSpan(start, length)))
            {
                return length;
            }
        }
        return 0;
    }

    private static Lists Load()
    {
        using var stream = typeof(TopLevelDomains).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var generic = new List<string>();
        var countryCode = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var list = parts is [_, "country-code"] ? countryCode
                : parts is [_, "generic"] ? generic
                : throw new InvalidDataException($"{ResourceName}: expected \"<tld> country-code|generic\", found \"{line}\".");
            list.Add(parts[0]);
        }
        return new Lists(
            generic.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            generic.Max(d => d.Length),
            countryCode.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            countryCode.Max(d => d.Length));
    }

    private sealed record Lists(
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Generic,
        int GenericMaxLength,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountryCode,
        int CountryCodeMaxLength);
}

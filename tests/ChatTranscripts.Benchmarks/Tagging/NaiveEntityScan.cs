using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Benchmarks.Tagging;

/// <summary>
/// What a first attempt at tagging would do: the baselines the real extractors' cost is reported against. Both give
/// the same shape of result as <see cref="EntityExtractor.Extract"/> (three lists of values) so time and allocations
/// compare like for like. Neither is correct (no twitter-text rules: "#1", "a@b.c", "http://x.com/#top", a hashtag
/// followed by "。" or "،" all go wrong); they only say what a regex pass, or a split on spaces, costs on the same posts.
/// </summary>
internal static partial class NaiveEntityScan
{
    private static readonly char[] Trailing = ['.', ',', ':', ';', '!', '?', ')'];

    public static ExtractedEntities Regexes(string text) => new(
        Values(Hashtags().Matches(text)),
        Values(Mentions().Matches(text)),
        Urls().Matches(text).Select(m => m.Value).ToList());

    /// <summary>Words that start with '#', '@' or "http" after splitting on white space, trailing punctuation trimmed.</summary>
    public static ExtractedEntities Split(string text)
    {
        List<string> hashtags = [], mentions = [], urls = [];
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && word[0] == '#')
            {
                hashtags.Add(word[1..].TrimEnd(Trailing));
            }
            else if (word.Length > 1 && word[0] == '@')
            {
                mentions.Add(word[1..].TrimEnd(Trailing));
            }
            else if (word.StartsWith("http", StringComparison.Ordinal))
            {
                urls.Add(word);
            }
        }
        return new ExtractedEntities(hashtags, mentions, urls);
    }

    private static List<string> Values(MatchCollection matches) => matches.Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"#(\w+)")]
    private static partial Regex Hashtags();

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Mentions();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Urls();
}

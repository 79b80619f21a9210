using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Tests.Tagging;

/// <summary>
/// <see cref="EntityExtractor.ExtractSpans"/> against twitter-text's extract.yml sections with indices. twitter-text
/// counts code points and we count UTF-16 units, so the expected indices are converted here, from the text itself:
/// an astral character before an entity must move our indices by two where twitter-text's move by one.
/// </summary>
public sealed class EntitySpanConformanceTests
{
    public static TheoryData<string, string, string[], int[]> MentionCases =>
        TwitterTextConformanceSuite.IndexedCases("mentions_with_indices", "screen_name");

    public static TheoryData<string, string, string[], int[]> UrlCases =>
        TwitterTextConformanceSuite.IndexedCases("urls_with_indices", "url");

    public static TheoryData<string, string, string[], int[]> HashtagCases =>
        TwitterTextConformanceSuite.IndexedCases("hashtags_with_indices", "hashtag");

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void Mentions_with_indices(string description, string text, string[] names, int[] codePointIndices) =>
        AssertSpans(EntityKind.Mention, description, text, names, codePointIndices);

    [Theory]
    [MemberData(nameof(UrlCases))]
    public void Urls_with_indices(string description, string text, string[] urls, int[] codePointIndices) =>
        AssertSpans(EntityKind.Url, description, text, urls, codePointIndices);

    [Theory]
    [MemberData(nameof(HashtagCases))]
    public void Hashtags_with_indices(string description, string text, string[] hashtags, int[] codePointIndices) =>
        AssertSpans(EntityKind.Hashtag, description, text, hashtags, codePointIndices);

    [Fact]
    public void Code_point_indices_become_utf16_indices_after_astral_characters()
    {
        // The conversion below is what makes the theories meaningful, so it is checked against a hand-counted case:
        // "😀" is one code point and two UTF-16 units.
        Assert.Equal(0, Utf16Index("😀a", 0));
        Assert.Equal(2, Utf16Index("😀a", 1));
        Assert.Equal(3, Utf16Index("😀a", 2));
        Assert.Equal(5, Utf16Index("a😀😀b", 3));
    }

    /// <summary>
    /// Each section's text holds only that kind of entity, or entities the section's extractor does not report (a hashtag
    /// glued to a t.co URL): so the spans of that kind must be exactly twitter-text's list, values and places.
    /// </summary>
    private static void AssertSpans(EntityKind kind, string description, string text, string[] values, int[] codePointIndices)
    {
        TwitterTextConformanceSuite.RequireExtractFile();
        Assert.Equal(values.Length * 2, codePointIndices.Length);
        var expected = values.Select((value, i) => Describe(
            value,
            Utf16Index(text, codePointIndices[2 * i]),
            Utf16Index(text, codePointIndices[2 * i + 1])));

        var actual = EntityExtractor.ExtractSpans(text).Where(s => s.Kind == kind).Select(s => Describe(s.Value, s.Start, s.End));

        Assert.True(
            expected.SequenceEqual(actual),
            $"{description}\ntext:      {text}\nexpected:  {string.Join(", ", expected)}\nextracted: {string.Join(", ", actual)}");
    }

    private static string Describe(string value, int start, int end) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{value}\" [{start}, {end})");

    /// <summary>The UTF-16 index of the <paramref name="codePoints"/>-th code point (the text's length past the last one).</summary>
    private static int Utf16Index(string text, int codePoints)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (codePoints-- == 0)
            {
                return index;
            }
            index += rune.Utf16SequenceLength;
        }
        Assert.Equal(0, codePoints);
        return index;
    }
}

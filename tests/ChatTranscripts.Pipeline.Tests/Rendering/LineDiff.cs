using System.Globalization;
using System.Text;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// A unified-diff-like hunk around the lines where two texts differ: everything between their common first and last
/// lines, with a little context, so a failing snapshot says what changed without a diff tool. Long changes are cut.
/// </summary>
internal static class LineDiff
{
    private const int Context = 3;
    private const int MaxChangedLines = 20;

    /// <summary>Null when the texts have the same lines.</summary>
    public static string? Describe(string expected, string actual, string expectedName = "verified", string actualName = "received")
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }
        if (prefix == before.Length && prefix == after.Length)
        {
            return null;
        }
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }
        var from = Math.Max(0, prefix - Context);
        var beforeEnd = Math.Min(before.Length, before.Length - suffix + Context);
        var afterEnd = Math.Min(after.Length, after.Length - suffix + Context);

        var text = new StringBuilder()
            .Append("--- ").AppendLine(expectedName)
            .Append("+++ ").AppendLine(actualName)
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"@@ -{from + 1},{beforeEnd - from} +{from + 1},{afterEnd - from} @@"));
        Lines(text, ' ', before[from..prefix]);
        Lines(text, '-', before[prefix..(before.Length - suffix)]);
        Lines(text, '+', after[prefix..(after.Length - suffix)]);
        Lines(text, ' ', before[(before.Length - suffix)..beforeEnd]);
        return text.ToString();
    }

    private static void Lines(StringBuilder text, char marker, string[] lines)
    {
        foreach (var line in lines.Take(MaxChangedLines))
        {
            text.Append(marker).AppendLine(line);
        }
        if (lines.Length > MaxChangedLines)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{marker}… {lines.Length - MaxChangedLines} more lines"));
        }
    }
}

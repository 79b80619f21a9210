using System.Globalization;
using System.Text;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters. Those (and '%', the escape character)
/// are percent-encoded; everything else is kept, so keys stay readable and short.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The hour (UTC) a post was created in: the partition of the received-posts table, so a session's time window is a handful of partitions.</summary>
    public static string HourBucket(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);


    public static IEnumerable<string> HourBuckets(DateTimeOffset from, DateTimeOffset to)
    {
        var hour = UtcHour.Of(from);
        for (; hour <= to; hour = hour.AddHours(1))
        {
            yield return HourBucket(hour);
        }
    }

    /// <summary>OData string literal: single quotes doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}

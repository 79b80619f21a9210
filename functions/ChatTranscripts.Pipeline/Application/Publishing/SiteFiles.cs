namespace ChatTranscripts.Pipeline.Application.Publishing;

/// <summary>The media types of the site's files. Every one names its charset, so no browser has to guess it.</summary>
public static class SiteFiles
{
    public const string Html = "text/html; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
}

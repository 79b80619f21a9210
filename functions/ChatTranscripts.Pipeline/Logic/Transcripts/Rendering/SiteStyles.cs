using System.Security.Cryptography;
using System.Text;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// The stylesheet every page inlines, and its CSP hash. Allowing the one stylesheet by hash rather than
/// <c>'unsafe-inline'</c> means that even markup smuggled into a page could not restyle it (to hide or fake content).
/// </summary>
internal sealed class SiteStyles
{
    private const string Resource = "ChatTranscripts.Pipeline.Logic.Transcripts.Templates.site.css";

    private SiteStyles(string css)
    {
        Css = css;
        CspSource = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css))) + "'";
    }

    public static SiteStyles Instance { get; } = Load();

    /// <summary>Emitted unencoded inside <c>&lt;style&gt;</c>: it is our own file, never data.</summary>
    public string Css { get; }

    /// <summary>The <c>style-src</c> source that allows exactly <see cref="Css"/>.</summary>
    public string CspSource { get; }

    private static SiteStyles Load()
    {
        using var stream = typeof(SiteStyles).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded stylesheet {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return new SiteStyles(reader.ReadToEnd().ReplaceLineEndings("\n"));
    }
}

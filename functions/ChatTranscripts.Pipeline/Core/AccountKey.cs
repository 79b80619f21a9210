namespace ChatTranscripts.Pipeline.Core;

/// <summary>An account on a platform; handles compare without regard to case, as everywhere in the pipeline.</summary>
public readonly record struct AccountKey
{
    public AccountKey(string platform, string handle)
    {
        Platform = platform;
        Handle = handle.ToUpperInvariant();
    }

    public string Platform { get; }

    /// <summary>Upper-cased: the form two spellings of one handle share.</summary>
    public string Handle { get; }
}

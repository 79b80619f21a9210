namespace ChatTranscripts.LocalHost.Access;

/// <summary>The organisers' credential on the local host (<c>LocalHost:OrganiserToken</c>).</summary>
public sealed class OrganiserAccessOptions
{
    public const string Section = "LocalHost";

    /// <summary>Long enough that it cannot be guessed over the network: the length of 24 random bytes in base64.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>
    /// The bearer token the organiser routes (<c>/api/sessions…</c>) require. Unset, they answer only requests from this
    /// machine, and only while the host listens on loopback alone; set, every request needs it.
    /// </summary>
    public string? OrganiserToken { get; set; }
}

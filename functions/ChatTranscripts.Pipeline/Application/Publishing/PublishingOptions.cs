using System.ComponentModel.DataAnnotations;

namespace ChatTranscripts.Pipeline.Application.Publishing;

public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>How long after a session ends it is published, so late replies still make it in.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Publishing:Delay must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a live session's snapshot is republished while posts keep arriving ("every few minutes").</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Publishing:LiveInterval must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The static website's base URL (such as https://account.z33.web.core.windows.net); makes transcript URLs absolute.</summary>
    [Url(ErrorMessage = "Publishing:SiteBaseUrl must be an absolute URL.")]
    public string? SiteBaseUrl { get; set; }

    /// <summary>The blob container served as the static website.</summary>
    [Required(ErrorMessage = "Publishing:Container is required.")]
    [RegularExpression(@"^(\$web|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$", ErrorMessage = "Publishing:Container must be '$web' or a valid container name.")]
    public string Container { get; set; } = "$web";

    /// <summary>
    /// Transcripts of up to this many posts render two files at once, on two cores; larger ones render one file at a
    /// time, so that a 100,000-post publish stays within 1 GiB (docs/performance.md). 0 always renders one at a time.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "Publishing:ParallelRenderLimit must be 0 or more posts.")]
    public int ParallelRenderLimit { get; set; } = 20_000;

    /// <summary>Cache-Control for every file of the site: short, because transcripts are republished when posts change.</summary>
    [Required]
    public string CacheControl { get; set; } = "public, max-age=60";
}

using System.ComponentModel.DataAnnotations;

namespace ChatTranscripts.Pipeline.Queueing;

public sealed class QueueOptions
{
    public const string Section = "Queue";

    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Queue:Name must be 3 to 63 lowercase letters, digits or single '-'.")]
    public string Name { get; set; } = "posts";

    /// <summary>Attempts before a message that keeps failing is dead-lettered with its reason.</summary>
    [Range(1, 100, ErrorMessage = "Queue:MaxDeliveryCount must be between 1 and 100.")]
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>Messages handed to the processor together: larger batches mean fewer re-routings per session.</summary>
    [Range(1, 5000, ErrorMessage = "Queue:BatchSize must be between 1 and 5000.")]
    public int BatchSize { get; set; } = 256;

    /// <summary>How long a received Storage queue message stays hidden while it is processed.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00", ErrorMessage = "Queue:VisibilityTimeout must be between 5 seconds and 7 days.")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

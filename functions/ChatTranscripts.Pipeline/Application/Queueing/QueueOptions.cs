using System.ComponentModel.DataAnnotations;

namespace ChatTranscripts.Pipeline.Application.Queueing;

/// <summary>The <c>Queue</c> configuration section, shared by the Service Bus and the Storage queue implementations.</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>
    /// The queue's name. At most 54 characters, so the Storage queue's companions (<c>{name}-poison</c>,
    /// <c>{name}-payloads</c>) stay within the 63 characters Storage allows.
    /// </summary>
    [Required]
    [RegularExpression(
        "^[a-z0-9](?!.*--)[a-z0-9-]{1,52}[a-z0-9]$",
        ErrorMessage = "Queue:Name must be 3 to 54 lowercase letters, digits or single '-', starting and ending with a letter or digit.")]
    public string Name { get; set; } = "posts";

    /// <summary>Deliveries after which a message that keeps failing is dead-lettered with its reason.</summary>
    [Range(1, 100, ErrorMessage = "Queue:MaxDeliveryCount must be between 1 and 100.")]
    public int MaxDeliveryCount { get; set; } = 5;

    /// <summary>
    /// Messages handed to the processor together, each a delivery of up to 100 posts: 32 (one Storage queue receive) is
    /// up to 3,200 posts, a batch that finishes in seconds. Much larger batches store nothing until all of them is done,
    /// and one must finish well within the <see cref="VisibilityTimeout"/> (or lock duration), or its messages come back.
    /// </summary>
    [Range(1, 256, ErrorMessage = "Queue:BatchSize must be between 1 and 256.")]
    public int BatchSize { get; set; } = 32;

    /// <summary>How long a received Storage queue message stays hidden while it is processed (Service Bus uses the queue's lock duration).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Queue:VisibilityTimeout must be between 1 second and 7 days.")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

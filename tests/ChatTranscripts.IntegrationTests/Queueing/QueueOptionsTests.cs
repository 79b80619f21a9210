using System.ComponentModel.DataAnnotations;
using ChatTranscripts.Pipeline.Application.Queueing;

namespace ChatTranscripts.IntegrationTests.Queueing;

public sealed class QueueOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new QueueOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(("posts", 5, 32, TimeSpan.FromMinutes(5)), (options.Name, options.MaxDeliveryCount, options.BatchSize, options.VisibilityTimeout));
    }

    [Theory]
    [InlineData("Posts", "Name")]
    [InlineData("po", "Name")]
    [InlineData("posts--in", "Name")]
    [InlineData("-posts", "Name")]
    [InlineData("a-name-whose-poison-queue-would-be-longer-than-storage-allows", "Name")]
    public void Names_that_storage_would_refuse_are_refused_with_the_key(string name, string member)
    {
        var error = Assert.Single(Validate(new QueueOptions { Name = name }));

        Assert.Equal([member], error.MemberNames);
        Assert.Contains("Queue:Name", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_and_timeouts_out_of_range_are_refused_with_their_keys()
    {
        var errors = Validate(new QueueOptions { MaxDeliveryCount = 0, BatchSize = 0, VisibilityTimeout = TimeSpan.Zero });

        Assert.Equal(["BatchSize", "MaxDeliveryCount", "VisibilityTimeout"], errors.SelectMany(e => e.MemberNames).Order(StringComparer.Ordinal));
    }

    private static List<ValidationResult> Validate(QueueOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}

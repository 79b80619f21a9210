namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// The snapshot helper itself, in a scratch folder: a snapshot test is only worth having if it can fail, so the helper
/// must fail on a first run and on any difference, and pass only on an exact match or an explicit update.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "snapshot-tests-" + Guid.NewGuid().ToString("N"));

    private string Verified => Path.Combine(_folder, "page.verified.html");

    private string Received => Path.Combine(_folder, "page.received.html");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_first_run_fails_and_leaves_the_received_text_for_review()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.Verify(_folder, "page.html", "<p>new</p>\n", accept: false));

        Assert.Contains("No snapshot", failure.Message, StringComparison.Ordinal);
        Assert.Equal("<p>new</p>\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void A_match_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Verified, "one\ntwo\n");
        File.WriteAllText(Received, "stale");

        Snapshot.Verify(_folder, "page.html", "one\ntwo\n", accept: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Line_endings_do_not_count_as_a_difference()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Verified, "one\r\ntwo\r\n");

        Snapshot.Verify(_folder, "page.html", "one\ntwo\n", accept: false);
    }

    [Fact]
    public void A_difference_fails_with_the_changed_lines_and_writes_the_received_file()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Verified, "a\nb\nc\nd\ne\nf\ng\nh\n");

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.Verify(_folder, "page.html", "a\nb\nc\nd\nE!\nf\ng\nh\n", accept: false));

        Assert.Contains("\n-e\n+E!\n", failure.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("@@ -2,7 +2,7 @@", failure.Message, StringComparison.Ordinal);
        Assert.Equal("a\nb\nc\nd\nE!\nf\ng\nh\n", File.ReadAllText(Received));
        Assert.Equal("a\nb\nc\nd\ne\nf\ng\nh\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void An_update_accepts_the_text_and_passes()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Verified, "old\n");
        File.WriteAllText(Received, "stale");

        Snapshot.Verify(_folder, "page.html", "new\n", accept: true);

        Assert.Equal("new\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
        Snapshot.Verify(_folder, "page.html", "new\n", accept: false);
    }

    [Fact]
    public void The_diff_shows_context_then_removed_then_added_lines()
    {
        var diff = LineDiff.Describe("1\n2\n3\n4\n5\n6\n7\n8\n9", "1\n2\n3\n4\nfive\nsix\n7\n8\n9", "v", "r")!;

        Assert.Equal(
            "--- v\n+++ r\n@@ -2,8 +2,8 @@\n 2\n 3\n 4\n-5\n-6\n+five\n+six\n 7\n 8\n 9\n",
            diff.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_diff_of_an_added_line_at_the_end_and_of_equal_texts()
    {
        Assert.Null(LineDiff.Describe("same\n", "same\n"));
        Assert.Equal("--- v\n+++ r\n@@ -1,2 +1,3 @@\n a\n+b\n \n", LineDiff.Describe("a\n", "a\nb\n", "v", "r")!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_long_change_is_cut_short()
    {
        var many = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"line {i}"));

        var diff = LineDiff.Describe("", many)!;

        Assert.Contains("… 80 more lines", diff, StringComparison.Ordinal);
        Assert.True(diff.Split('\n').Length < 40);
    }
}

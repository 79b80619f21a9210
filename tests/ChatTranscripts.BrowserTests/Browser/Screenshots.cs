using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// Full-page PNGs (and other pictures of pages, such as PDFs) kept after the run, for a person to look at: written to <c>TestResults/screenshots</c> in the
/// test assembly's output folder and attached to the test (Microsoft.Testing.Platform copies attachments into its
/// results folder). The folder is emptied once per run, so it never shows a picture an earlier run left.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> EmptiedFolder = new(() =>
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        return Directory.CreateDirectory(Folder).FullName;
    });

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<byte[]> TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        await KeepAsync(name, ".png", png, "image/png");
        return png;
    }

    /// <summary>Keeps another artefact of a page beside the screenshots, such as the PDF of a printed page.</summary>
    public static async Task KeepAsync(string name, string extension, byte[] content, string mediaType)
    {
        await File.WriteAllBytesAsync(Path.Combine(EmptiedFolder.Value, name + extension), content, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment(name, content, mediaType);
    }
}

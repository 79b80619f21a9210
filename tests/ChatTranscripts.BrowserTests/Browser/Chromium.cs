using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// One headless Chromium for the assembly: Debian's <c>chromium</c> package driven by Playwright (never a browser
/// that Playwright downloads). Each test opens its own context, so tests share the process but nothing else.
/// When the package is missing, tests that need the browser skip, or fail under <c>CI=true</c>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>No sandbox (CI runs as root), no GPU, and none of the background traffic a browser starts on its own.</summary>
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PlaywrightException? _launchFailure;

    /// <summary>The running browser; skips (or fails under CI) the calling test when Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            if (!File.Exists(ExecutablePath))
            {
                RequiredTool.Missing($"Chromium is not installed at {ExecutablePath}: install Debian's package with 'apt-get install chromium'.");
            }
            if (_launchFailure is not null)
            {
                throw new InvalidOperationException($"Chromium is installed at {ExecutablePath} but did not start: {_launchFailure.Message}", _launchFailure);
            }
            return _browser ?? throw new InvalidOperationException("Chromium has not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
        }
        catch (PlaywrightException e)
        {
            // Reported by each browser test, so the tests that need no browser still run and say what they found.
            _launchFailure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

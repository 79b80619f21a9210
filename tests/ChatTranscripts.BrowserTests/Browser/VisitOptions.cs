using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>How a <see cref="PageVisit"/> opens its page.</summary>
public sealed record VisitOptions
{
    public ViewportSize Viewport { get; init; } = Viewports.Desktop;

    public ColorScheme ColorScheme { get; init; } = ColorScheme.Light;

    public bool JavaScriptEnabled { get; init; } = true;

    /// <summary>Lets injected tools (axe-core) run despite the page's own policy; never for checks that rely on it.</summary>
    public bool BypassCsp { get; init; }

    /// <summary>
    /// Changes the page's HTML before the browser sees it: to cut out its Content-Security-Policy and see what
    /// escaping alone holds, or to plant a fault that a check must catch.
    /// </summary>
    public Func<string, string>? Rewrite { get; init; }
}

using ChatTranscripts.BrowserTests.Site;
using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// One page of the site open in a fresh browser context, with what happened while it loaded: dialogs (dismissed),
/// console errors, uncaught script errors, and every request for anything outside the site, which is recorded and
/// aborted so it never leaves the machine.
/// </summary>
public sealed class PageVisit : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _dialogs = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _outsideRequests = [];
    private readonly IBrowserContext _context;
    private readonly Uri _site;
    private readonly string _path;
    private readonly Func<string, string>? _rewrite;

    private PageVisit(IBrowserContext context, IPage page, Uri site, string path, Func<string, string>? rewrite)
    {
        _context = context;
        Page = page;
        _site = site;
        _path = path;
        _rewrite = rewrite;
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Dialogs => Snapshot(_dialogs);

    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>Requests for anything not on the site's origin, such as another host or another port.</summary>
    public IReadOnlyList<string> OutsideRequests => Snapshot(_outsideRequests);

    public static async Task<PageVisit> OpenAsync(Chromium chromium, PublishedSite site, string path, VisitOptions? options = null)
    {
        options ??= new VisitOptions();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = options.Viewport,
            ColorScheme = options.ColorScheme,
            JavaScriptEnabled = options.JavaScriptEnabled,
            BypassCSP = options.BypassCsp,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        var visit = new PageVisit(context, page, site.BaseAddress, path, options.Rewrite);
        try
        {
            await context.RouteAsync("**/*", visit.RouteAsync);
            page.Dialog += (_, dialog) =>
            {
                visit.Record(visit._dialogs, $"{dialog.Type}: {dialog.Message}");
                _ = dialog.DismissAsync();
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    visit.Record(visit._consoleErrors, message.Text);
                }
            };
            page.PageError += (_, error) => visit.Record(visit._pageErrors, error);
            var response = await page.GotoAsync(site.Url(path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            // Without this, a page the site does not publish would be checked as the 404 page standing in for it.
            if (response?.Status != 200)
            {
                throw new InvalidOperationException($"The site answered {response?.Status} for {path}, not 200: there is no such page to check.");
            }
            return visit;
        }
        catch
        {
            await visit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the open page to another width, colour scheme or medium.</summary>
    public async Task ShowAsync(Look look)
    {
        ArgumentNullException.ThrowIfNull(look);
        await Page.SetViewportSizeAsync(look.Viewport.Width, look.Viewport.Height);
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = look.ColorScheme, Media = look.Media });
    }

    /// <summary>
    /// Gives the page a moment after its load event for anything that runs late (an image's error handler, a
    /// refresh, a focus event) to show itself.
    /// </summary>
    public Task SettleAsync() => Page.WaitForTimeoutAsync(300);

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (!IsOnSite(url))
        {
            Record(_outsideRequests, $"{route.Request.ResourceType} {route.Request.Url}");
            await route.AbortAsync("blockedbyclient");
            return;
        }
        if (_rewrite is not null && route.Request.IsNavigationRequest && url.AbsolutePath == _path)
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = _rewrite(await response.TextAsync()) });
            return;
        }
        await route.ContinueAsync();
    }

    private bool IsOnSite(Uri url) =>
        url.Scheme == _site.Scheme && url.Host == _site.Host && url.Port == _site.Port;

    private void Record(List<string> events, string what)
    {
        lock (_gate)
        {
            events.Add(what);
        }
    }

    private List<string> Snapshot(List<string> events)
    {
        lock (_gate)
        {
            return [.. events];
        }
    }
}

using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// What in a page's DOM could run or navigate on its own: script-bearing elements, event-handler attributes and
/// script URLs. A transcript carries none, so any of it came from a post that escaped its escaping.
/// </summary>
public static class ActiveContent
{
    private const string Find = """
        () => {
          const found = [];
          const describe = el => el.outerHTML.slice(0, 160);
          for (const el of document.querySelectorAll('script, iframe, frame, object, embed, base, meta[http-equiv="refresh" i]')) {
            found.push(describe(el));
          }
          for (const el of document.querySelectorAll('*')) {
            for (const attribute of el.attributes) {
              const name = attribute.name.toLowerCase();
              const scriptUrl = /^\s*(javascript|vbscript|data):/i.test(attribute.value)
                && ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
                && !(el.tagName === 'IMG' && /^\s*data:image\//i.test(attribute.value));
              if (name.startsWith('on') || name === 'srcdoc' || scriptUrl) {
                found.push(`${name} on ${describe(el)}`);
              }
            }
          }
          return found;
        }
        """;

    /// <summary>Needs a context with JavaScript enabled (Playwright evaluates the query in the page).</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page) => await page.EvaluateAsync<string[]>(Find);
}

using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ChatTranscripts.BrowserTests.Browser;

/// <summary>
/// Runs the axe-core that Deque's package embeds, in the page itself, and returns only its violations. Deque's
/// Playwright wrapper finishes every run in a separate blank page and ships back every result, passes included,
/// which took 4 to 8 seconds a run here; one <c>axe.run</c> in the page gives the same verdict in a fraction of that.
/// </summary>
public static class AxeCore
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunOnTags = """
        async tags => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, failureSummary: n.failureSummary })),
          })));
        }
        """;

    /// <summary>The page's violations of the rules carrying any of <paramref name="tags"/>. The page's context must bypass its CSP.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.EvaluateAsync(Script.Value);
        }
        var json = await page.EvaluateAsync<string>(RunOnTags, tags.ToArray());
        return JsonSerializer.Deserialize<AxeViolation[]>(json, JsonSerializerOptions.Web) ?? [];
    }
}

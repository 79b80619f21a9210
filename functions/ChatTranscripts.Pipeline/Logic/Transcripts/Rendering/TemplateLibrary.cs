using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.IO;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>
/// The Liquid templates embedded in this assembly, parsed once, with options that expose only the view-model types.
/// Rendering is thread-safe: templates and options are read-only after construction and each render gets its own context.
/// </summary>
internal sealed class TemplateLibrary
{
    private const string ResourcePrefix = "ChatTranscripts.Pipeline.Logic.Transcripts.Templates";
    private const string Extension = ".liquid";

    private static readonly Assembly Assembly = typeof(TemplateLibrary).Assembly;

    /// <summary>
    /// Escapes what HTML needs escaped but leaves every script of the Basic Multilingual Plane as UTF-8, so non-Latin
    /// chats stay small; characters beyond it (emoji, rare CJK) always become numeric references with this encoder.
    /// </summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Pages are written into pooled blocks and copied out once, at their exact size, rather than into a
    /// <see cref="MemoryStream"/> that doubles: its growing buffers (32 MB of them for a 10 MB page) were all
    /// large-object allocations, each bringing the next full collection closer. Up to 16 MiB of free blocks (a
    /// 15,000-post page) are kept between renders; a larger page takes new blocks, which are large objects themselves
    /// (256 KiB) so that the collections during its render never copy them. Keeping more would not lower the peak of a
    /// large publish: with 128 MiB kept, the 100,000-post publish of the memory check peaked higher (1,022 MiB).
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 256 * 1024,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    public TemplateLibrary(params Type[] modelTypes)
    {
        var files = new EmbeddedFileProvider(Assembly, ResourcePrefix);
        _options = new TemplateOptions { FileProvider = files };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in modelTypes.Append(typeof(SiteStyles)))
        {
            _options.MemberAccessStrategy.Register(type);
        }
        // Global, so partials reached through {% render %} (which see no caller variables) can use it too.
        _options.Scope.SetValue("site", new ObjectValue(SiteStyles.Instance));

        var parser = new FluidParser();
        parser.RegisterExpressionTag("posts", WriteFragment);
        parser.RegisterExpressionTag("rows", WriteFragment);
        foreach (var resource in Assembly.GetManifestResourceNames().Where(IsTemplate))
        {
            var fileName = resource[(ResourcePrefix.Length + 1)..];
            var template = Parse(parser, fileName, Read(resource));
            _templates[fileName[..^Extension.Length]] = template;
            // Partials reached through {% render %} come from this cache, so they too are parsed only here.
            _options.TemplateCache?.SetTemplate(fileName, files.GetFileInfo(fileName).LastModified, template);
        }
    }

    /// <summary>
    /// Renders a page template with its model as <c>page</c>, HTML-encoding every value it outputs, straight into UTF-8:
    /// a page of a 100k-post chat is about 100 MB, so it is never held as a string (twice its size) as well.
    /// </summary>
    public ReadOnlyMemory<byte> RenderUtf8(string templateName, object model)
    {
        if (!_templates.TryGetValue(templateName, out var template))
        {
            throw new InvalidOperationException($"No embedded template '{templateName}{Extension}'.");
        }
        var context = new TemplateContext(_options);
        context.SetValue("page", model);
        using var buffer = Buffers.GetStream();
        using var writer = new Utf8BufferWriter(buffer);
        // Our templates read only in-memory models, so rendering completes synchronously; the task is a formality.
        var rendering = template.RenderAsync(writer, Encoder, context);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }
        writer.Flush();
        return buffer.GetReadOnlySequence().ToArray();
    }

    public string Render(string templateName, object model) => Utf8.GetString(RenderUtf8(templateName, model).Span);

    /// <summary>
    /// <c>{% posts list %}</c> (a <see cref="PostList"/>) and <c>{% rows list %}</c> (other rows): an <see cref="IHtmlFragment"/>,
    /// written by hand-written markup through the page's writer and encoder.
    /// </summary>
    private static async ValueTask<Completion> WriteFragment(Expression list, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var value = await list.EvaluateAsync(context);
        if (value.ToObjectValue() is not IHtmlFragment fragment)
        {
            throw new InvalidOperationException($"{{% posts %}} and {{% rows %}} take an {nameof(IHtmlFragment)}, not {value.Type}.");
        }
        fragment.WriteTo(new HtmlWriter(writer, encoder));
        return Completion.Normal;
    }

    private static bool IsTemplate(string resource) =>
        resource.StartsWith(ResourcePrefix + ".", StringComparison.Ordinal)
        && resource.EndsWith(Extension, StringComparison.Ordinal);

    private static string Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded template {resource} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IFluidTemplate Parse(FluidParser parser, string fileName, string source) =>
        parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {fileName} does not parse: {error}");
}
